/// The element-wise kernels of the forward pass: bias, GELU, softmax, LayerNorm, sums and means over raw
/// row-major buffers. The matrix products go to OpenBLAS; these loops are the rest of the work.
///
/// Release builds (this file) run them eight lanes at a time with polynomial approximations of exp and erf
/// accurate to a few float ulps, avoiding per-element library calls. Debug builds use the plain scalar loops of
/// `VectorMath+Scalar.swift` with libm's `expf` and `erff` instead: unoptimized generic SIMD code is about ten
/// times slower than unoptimized scalar code, which would make the test suite crawl. Both compute the same
/// functions; `scripts/bench-encoder` checks the release kernels against the reference engine.
enum VectorMath {}

#if !DEBUG
    extension VectorMath {
        typealias Lanes = SIMD8<Float>
        static let width = 8

        @inline(__always)
        static func load(_ pointer: UnsafePointer<Float>) -> Lanes {
            UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
        }

        @inline(__always)
        static func store(_ value: Lanes, _ pointer: UnsafeMutablePointer<Float>) {
            UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Lanes.self)
        }

        /// |x|, lane-wise, by clearing the sign bits.
        @inline(__always)
        static func magnitude(_ x: Lanes) -> Lanes {
            unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: Lanes.self)
        }

        /// max(a, b), lane-wise, as (a + b + |a − b|) / 2 (exact up to rounding).
        ///
        /// Arithmetic rather than a compare-and-select: the stdlib's generic `pointwiseMax` is not reliably inlined,
        /// and SIMD masks lower poorly to baseline x86-64.
        @inline(__always)
        static func maximum(_ a: Lanes, _ b: Lanes) -> Lanes {
            (a + b + magnitude(a - b)) * Lanes(repeating: 0.5)
        }

        /// e^x for x ≤ 0, lane-wise; inputs below −87 are raised to −87 (e^−87 ≈ 1.6e-38, in place of 0).
        ///
        /// Range reduction x = n·ln 2 + r with |r| ≤ ln 2 / 2, a degree-6 polynomial for e^r, and 2^n assembled in the
        /// exponent bits. Relative error below 2e-7.
        @inline(__always)
        static func expOfNonPositive(_ input: Lanes) -> Lanes {
            let x = maximum(input, Lanes(repeating: -87.0))
            // Adding 1.5 · 2^23 rounds x · log2(e) to an integer n held in the low mantissa bits.
            let shifter = Lanes(repeating: 12_582_912.0)
            let shifted = x * Lanes(repeating: 1.442_695_04) + shifter
            let n = shifted - shifter
            let r = x - n * Lanes(repeating: 0.693_359_375) - n * Lanes(repeating: -2.121_944_4e-4)
            var p = Lanes(repeating: 1.987_569_15e-4)
            p = p * r + Lanes(repeating: 1.398_199_95e-3)
            p = p * r + Lanes(repeating: 8.333_451_9e-3)
            p = p * r + Lanes(repeating: 4.166_579_59e-2)
            p = p * r + Lanes(repeating: 1.666_666_55e-1)
            p = p * r + Lanes(repeating: 5.000_000_12e-1)
            let y = p * r * r + r + Lanes(repeating: 1)
            let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
            let power = unsafeBitCast((integer &+ 127) &<< 23, to: Lanes.self)
            return y * power
        }

        /// The exact (erf-based) GELU, 0.5 · x · (1 + erf(x / √2)), lane-wise.
        ///
        /// erf uses Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7).
        @inline(__always)
        static func gelu(_ x: Lanes) -> Lanes {
            let z = x * Lanes(repeating: 0.707_106_77)
            let bits = unsafeBitCast(z, to: SIMD8<UInt32>.self)
            let a = magnitude(z)
            let t = Lanes(repeating: 1) / (Lanes(repeating: 1) + Lanes(repeating: 0.327_591_1) * a)
            var poly = Lanes(repeating: 1.061_405_429)
            poly = poly * t + Lanes(repeating: -1.453_152_027)
            poly = poly * t + Lanes(repeating: 1.421_413_741)
            poly = poly * t + Lanes(repeating: -0.284_496_736)
            poly = poly * t + Lanes(repeating: 0.254_829_592)
            let erfAbs = Lanes(repeating: 1) - poly * t * expOfNonPositive(-(a * a))
            let erf = unsafeBitCast(
                unsafeBitCast(erfAbs, to: SIMD8<UInt32>.self) | (bits & 0x8000_0000), to: Lanes.self)
            return Lanes(repeating: 0.5) * x * (Lanes(repeating: 1) + erf)
        }

        /// Adds `bias` (length `columns`) to every row of `data`; `columns` is a multiple of 8.
        ///
        /// - Complexity: O(`rows` × `columns`).
        static func addBias(_ data: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: UnsafePointer<Float>) {
            for row in 0..<rows {
                let line = data + row * columns
                for column in stride(from: 0, to: columns, by: width) {
                    store(load(line + column) + load(bias + column), line + column)
                }
            }
        }

        /// `data = gelu(data + bias)` for every row; `columns` is a multiple of 8.
        ///
        /// - Complexity: O(`rows` × `columns`).
        static func addBiasGELU(
            _ data: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: UnsafePointer<Float>
        ) {
            for row in 0..<rows {
                let line = data + row * columns
                for column in stride(from: 0, to: columns, by: width) {
                    store(gelu(load(line + column) + load(bias + column)), line + column)
                }
            }
        }

        /// `target += first + second`, element-wise over `count` floats (a multiple of 8).
        static func add(
            _ target: UnsafeMutablePointer<Float>, _ first: UnsafePointer<Float>,
            _ second: UnsafePointer<Float>, count: Int
        ) {
            for index in stride(from: 0, to: count, by: width) {
                store(load(target + index) + load(first + index) + load(second + index), target + index)
            }
        }

        /// The mean of `rows` consecutive rows of `columns` floats (a multiple of 8), written to `mean`.
        static func meanOfRows(
            _ data: UnsafePointer<Float>, rows: Int, columns: Int, into mean: UnsafeMutablePointer<Float>
        ) {
            let inverse = Lanes(repeating: 1 / Float(rows))
            for column in stride(from: 0, to: columns, by: width) {
                var sum = Lanes()
                for row in 0..<rows { sum += load(data + row * columns + column) }
                store(sum * inverse, mean + column)
            }
        }

        /// Replaces `row` (length `count`) by e^(row − max(row)) and returns 1 / the sum of the new values: the
        /// softmax up to that factor, which the caller applies to the (smaller) product with the values.
        ///
        /// - Complexity: O(`count`).
        static func unnormalizedSoftmax(_ row: UnsafeMutablePointer<Float>, count: Int) -> Float {
            let full = count / width * width
            var maxLanes = Lanes(repeating: -1e30)
            for index in stride(from: 0, to: full, by: width) { maxLanes = maximum(maxLanes, load(row + index)) }
            var largest = maxLanes.max()
            for index in full..<count where row[index] > largest { largest = row[index] }
            let shift = Lanes(repeating: largest)
            var sumLanes = Lanes()
            for index in stride(from: 0, to: full, by: width) {
                let value = expOfNonPositive(load(row + index) - shift)
                sumLanes += value
                store(value, row + index)
            }
            var sum = sumLanes.sum()
            if full < count {
                var tail = Lanes(repeating: -100)
                for index in full..<count { tail[index - full] = row[index] - largest }
                let value = expOfNonPositive(tail)
                for index in full..<count {
                    row[index] = value[index - full]
                    sum += value[index - full]
                }
            }
            return 1 / sum
        }

        /// Multiplies `count` floats (a multiple of 8) by `factor`.
        @inline(__always)
        static func scale(_ data: UnsafeMutablePointer<Float>, count: Int, by factor: Float) {
            let lanes = Lanes(repeating: factor)
            for index in stride(from: 0, to: count, by: width) { store(load(data + index) * lanes, data + index) }
        }

        /// `x = LayerNorm(x + residual + bias)` for every row, with learned `scale` and `shift`; when `residual` is nil,
        /// `x = LayerNorm(x)`. `columns` is a multiple of 8.
        ///
        /// - Complexity: O(`rows` × `columns`).
        static func layerNorm(
            _ x: UnsafeMutablePointer<Float>, adding residual: UnsafePointer<Float>?, bias: UnsafePointer<Float>?,
            rows: Int, columns: Int, scale: UnsafePointer<Float>, shift: UnsafePointer<Float>, epsilon: Float
        ) {
            for row in 0..<rows {
                let line = x + row * columns
                var sumLanes = Lanes()
                for column in stride(from: 0, to: columns, by: width) {
                    var value = load(line + column)
                    if let residual { value += load(residual + row * columns + column) }
                    if let bias { value += load(bias + column) }
                    store(value, line + column)
                    sumLanes += value
                }
                let mean = Lanes(repeating: sumLanes.sum() / Float(columns))
                var squares = Lanes()
                for column in stride(from: 0, to: columns, by: width) {
                    let centered = load(line + column) - mean
                    squares += centered * centered
                }
                let variance = squares.sum() / Float(columns)
                let inverse = Lanes(repeating: 1 / (variance + epsilon).squareRoot())
                for column in stride(from: 0, to: columns, by: width) {
                    let normalized = (load(line + column) - mean) * inverse
                    store(normalized * load(scale + column) + load(shift + column), line + column)
                }
            }
        }
    }
#endif
