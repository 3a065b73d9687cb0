#if DEBUG
    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Darwin)
        import Darwin
    #endif

    /// The scalar kernels used by debug builds; see ``VectorMath`` for why. Each computes the same function as its
    /// SIMD twin in `VectorMath.swift`, with libm's `expf` and `erff`.
    extension VectorMath {
        static func addBias(_ data: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: UnsafePointer<Float>) {
            for row in 0..<rows {
                let line = data + row * columns
                for column in 0..<columns { line[column] += bias[column] }
            }
        }

        static func addBiasGELU(
            _ data: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: UnsafePointer<Float>
        ) {
            for row in 0..<rows {
                let line = data + row * columns
                for column in 0..<columns {
                    let x = line[column] + bias[column]
                    line[column] = 0.5 * x * (1 + erff(x * 0.707_106_77))
                }
            }
        }

        static func add(
            _ target: UnsafeMutablePointer<Float>, _ first: UnsafePointer<Float>,
            _ second: UnsafePointer<Float>, count: Int
        ) {
            for index in 0..<count { target[index] += first[index] + second[index] }
        }

        static func meanOfRows(
            _ data: UnsafePointer<Float>, rows: Int, columns: Int, into mean: UnsafeMutablePointer<Float>
        ) {
            for column in 0..<columns { mean[column] = 0 }
            for row in 0..<rows {
                let line = data + row * columns
                for column in 0..<columns { mean[column] += line[column] }
            }
            let inverse = 1 / Float(rows)
            for column in 0..<columns { mean[column] *= inverse }
        }

        static func unnormalizedSoftmax(_ row: UnsafeMutablePointer<Float>, count: Int) -> Float {
            var maximum = -Float.greatestFiniteMagnitude
            for index in 0..<count { maximum = max(maximum, row[index]) }
            var sum: Float = 0
            for index in 0..<count {
                row[index] = expf(row[index] - maximum)
                sum += row[index]
            }
            return 1 / sum
        }

        static func scale(_ data: UnsafeMutablePointer<Float>, count: Int, by factor: Float) {
            for index in 0..<count { data[index] *= factor }
        }

        static func layerNorm(
            _ x: UnsafeMutablePointer<Float>, adding residual: UnsafePointer<Float>?, bias: UnsafePointer<Float>?,
            rows: Int, columns: Int, scale: UnsafePointer<Float>, shift: UnsafePointer<Float>, epsilon: Float
        ) {
            for row in 0..<rows {
                let line = x + row * columns
                var sum: Float = 0
                for column in 0..<columns {
                    if let residual { line[column] += residual[row * columns + column] }
                    if let bias { line[column] += bias[column] }
                    sum += line[column]
                }
                let mean = sum / Float(columns)
                var squares: Float = 0
                for column in 0..<columns { squares += (line[column] - mean) * (line[column] - mean) }
                let inverse = 1 / (squares / Float(columns) + epsilon).squareRoot()
                for column in 0..<columns {
                    line[column] = (line[column] - mean) * inverse * scale[column] + shift[column]
                }
            }
        }
    }
#endif
