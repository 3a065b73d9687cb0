import ConcordStore
import Foundation
import Hummingbird
import Logging
import Prometheus

/// What `GET /metrics` reports, in the Prometheus text format: requests by route, method and status, their
/// latency, articles ingested, events stored, the ingest queue's depth and the stream's listeners.
public final class ServerMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    let buckets: [Duration] = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 10_000].map { .milliseconds($0) }

    public init() {}

    func request(route: String, method: String, status: Int, elapsed: Duration) {
        let labels = [("route", route), ("method", method), ("status", String(status))]
        registry.makeCounter(
            descriptor: .init(
                namespace: "concord", metricName: "http_requests", unitName: "total",
                helpText: "HTTP requests answered"),
            labels: labels
        ).increment()
        registry.makeDurationHistogram(
            descriptor: .init(
                namespace: "concord", metricName: "http_request_duration", unitName: "seconds",
                helpText: "Time to answer an HTTP request (to the start of the body)"),
            labels: [("route", route), ("method", method)], buckets: buckets
        ).record(elapsed)
    }

    /// The exposition, with the gauges read now.
    func render(store: any EventStore, ingest: IngestService?, hub: StreamHub?, cache: ResponseCache?) -> String {
        func gauge(_ name: String, _ unit: String, _ help: String, _ value: Double) {
            registry.makeGauge(
                descriptor: .init(namespace: "concord", metricName: name, unitName: unit, helpText: help)
            ).set(value)
        }
        if let counts = try? store.counts() {
            gauge("stored_events", "", "Events in the store", Double(counts.events))
            gauge("stored_articles", "", "Articles in the store", Double(counts.articles))
        }
        gauge(
            "articles_ingested", "total", "Articles ingested (new or updated) since the server started",
            Double(ingest?.ingestedSinceStart ?? 0))
        gauge("ingest_queue_depth", "", "POST requests waiting or being ingested", Double(ingest?.depth ?? 0))
        gauge("stream_listeners", "", "Clients connected to /v1/stream", Double(hub?.count ?? 0))
        if let cache {
            let (hits, misses) = cache.counts
            gauge("read_cache_hits", "total", "Reads answered from the cache since the server started", Double(hits))
            gauge("read_cache_misses", "total", "Reads rendered anew since the server started", Double(misses))
        }
        return registry.emitToString()
    }
}

/// Counts and times every request, and logs one structured line for it through swift-log.
struct ObservingMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let clock = ContinuousClock()
        let start = clock.now
        let status: Int
        let response: Response
        do {
            response = try await next(request, context)
            status = Int(response.status.code)
        } catch {
            let code = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request, context, status: Int(code), elapsed: start.duration(to: clock.now))
            throw error
        }
        record(request, context, status: status, elapsed: start.duration(to: clock.now))
        return response
    }

    func record(_ request: Request, _ context: Context, status: Int, elapsed: Duration) {
        // The route's pattern (`/v1/events/{id}`), not the path: one series per route, whatever the ids.
        let route = context.endpointPath ?? "unmatched"
        metrics.request(route: route, method: request.method.rawValue, status: status, elapsed: elapsed)
        let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                "route": .string(route), "status": .stringConvertible(status),
                "ms": .string(String(format: "%.1f", ms)),
            ])
    }
}
