/// The API's contract, served at `GET /openapi.yaml`.
///
/// Kept true two ways: a test checks that every route the server answers is in it and every path in it
/// is answered (``ConcordRoutes/routes``), and CI runs schemathesis against the live server with it.
public enum OpenAPIDocument {
    public static let yaml = #"""
        openapi: 3.1.0
        info:
          title: Concord
          version: "1"
          summary: News events across outlets and languages, from a self-hosted engine.
          description: >
            Concord reads news articles in any language and groups those that report the same real-world
            event. POST articles to ingest them; GET events, articles and explanations; follow new events
            live on /v1/stream. Errors are JSON {"error", "detail"}.
          license:
            name: MIT
            identifier: MIT
        servers:
          - url: http://127.0.0.1:8080
        paths:
          /healthz:
            get:
              operationId: health
              summary: The server is up.
              responses:
                "200":
                  description: Up.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [status]
                        properties:
                          status: {type: string, const: ok}
          /openapi.yaml:
            get:
              operationId: openapi
              summary: This document.
              responses:
                "200":
                  description: The OpenAPI document.
                  content:
                    application/yaml:
                      schema: {type: string}
          /metrics:
            get:
              operationId: metrics
              summary: Prometheus metrics.
              description: >
                Requests by route, method and status; their latency histogram; articles ingested since start;
                events and articles stored; the ingest queue's depth; listeners of the live stream.
              responses:
                "200":
                  description: The Prometheus text exposition format.
                  content:
                    text/plain:
                      schema: {type: string}
          /v1/stats:
            get:
              operationId: stats
              summary: Counts of what the store holds.
              responses:
                "200":
                  description: The counts.
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Counts"}
                "500": {$ref: "#/components/responses/Failed"}
          /v1/events:
            get:
              operationId: listEvents
              summary: Events, newest first, with the filters of `concord events`.
              description: >
                Page with `cursor` (the `nextCursor` of the previous page): a page stays true while events
                come in. `offset` skips matches after the cursor (or from the start).
              parameters:
                - {name: q, in: query, description: "Words of the event's articles' titles and text (all must occur).", schema: {type: string}}
                - {name: lang, in: query, description: "A language code the event has articles in.", schema: {type: string}}
                - {name: entity, in: query, description: "A name among the event's entities, case and accents ignored; the start of any of its words matches (bern, ferri).", schema: {type: string}}
                - {name: since, in: query, description: "Events with an article published on or after this day or time.", schema: {type: string, examples: ["2025-03-09", "2025-03-09T12:00:00Z"]}}
                - {name: until, in: query, description: "Events with an article published on or before this day or time.", schema: {type: string}}
                - {name: limit, in: query, description: "Events per page.", schema: {type: integer, minimum: 1, maximum: 500, default: 50}}
                - {name: offset, in: query, schema: {type: integer, minimum: 0, maximum: 2147483647, default: 0}}
                - {name: cursor, in: query, description: "The nextCursor of the previous page.", schema: {type: string}}
              responses:
                "200":
                  description: One page.
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/EventList"}
                "400": {$ref: "#/components/responses/BadRequest"}
                "500": {$ref: "#/components/responses/Failed"}
          /v1/events/{id}:
            get:
              operationId: getEvent
              summary: One event with its articles, dates with evidence, entities, numbers and decisions.
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                "200":
                  description: The event.
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/EventDetail"}
                "404": {$ref: "#/components/responses/NotFound"}
                "500": {$ref: "#/components/responses/Failed"}
          /v1/articles/{id}:
            get:
              operationId: getArticle
              summary: One stored article, its features, its event and the decision that placed it.
              parameters:
                - {name: id, in: path, required: true, schema: {type: string, examples: [demo-001]}}
              responses:
                "200":
                  description: The article.
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/StoredArticle"}
                "404": {$ref: "#/components/responses/NotFound"}
                "500": {$ref: "#/components/responses/Failed"}
          /v1/articles:
            post:
              operationId: ingestArticles
              summary: Ingest articles (idempotent).
              description: >
                A JSON array of records (or one record), or NDJSON (one record per line), in the formats
                `concord ingest` reads. Each record is ingested, found a duplicate, reported changed (its id
                is stored with other content; `update=true` replaces it) or rejected with its reason; the
                rest goes on. Re-posting the same records changes nothing. Needs the bearer token when the
                server has one.
              security:
                - bearer: []
                - {}
              parameters:
                - {name: update, in: query, description: "Replace a stored article whose id comes with other content.", schema: {type: boolean, default: false}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      oneOf:
                        - type: array
                          minItems: 1
                          maxItems: 5000
                          items: {$ref: "#/components/schemas/Record"}
                        - {$ref: "#/components/schemas/Record"}
                  application/x-ndjson:
                    schema: {type: string, description: "One JSON record per line."}
              responses:
                "200":
                  description: One result per record, and the totals.
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/IngestReply"}
                "400": {$ref: "#/components/responses/BadRequest"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
                "413": {$ref: "#/components/responses/TooLarge"}
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
                "500": {$ref: "#/components/responses/Failed"}
                "503": {$ref: "#/components/responses/Busy"}
          /v1/explain:
            get:
              operationId: explain
              summary: Why an article is in its event, or why two articles are or are not one event.
              parameters:
                - {name: a, in: query, required: true, description: "An article id.", schema: {type: string, examples: [demo-001]}}
                - {name: b, in: query, description: "A second article id.", schema: {type: string, examples: [demo-002]}}
              responses:
                "200":
                  description: The explanation `concord explain` prints.
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Explanation"}
                "400": {$ref: "#/components/responses/BadRequest"}
                "404": {$ref: "#/components/responses/NotFound"}
                "500": {$ref: "#/components/responses/Failed"}
          /v1/stream:
            get:
              operationId: stream
              summary: Server-sent events as articles come in.
              description: >
                `created` (an article opened an event), `joined` (an article joined one) and `merged` (two
                events became one), each with its JSON in `data`. Open until the server stops, or after
                `max` messages. A quiet stream carries a `: keep-alive` comment every heartbeat or two
                (`concord serve --heartbeat`, 15 s by default). Each message's SSE id is `RUN-SEQUENCE`; a
                client that reconnects with the last id it saw (`Last-Event-ID`, as EventSource does) first
                gets the messages it missed, of the last 1,000 of this server run. Where that is not possible
                (older, or an id of another run) or a slow client's buffer overflowed, a `reset` message
                (`{"kind": "reset", "sequence", "reason", "missed"}`) comes first: fetch what you show again.
              parameters:
                - {name: max, in: query, description: "Close after this many messages.", schema: {type: integer, minimum: 1, maximum: 1000000}}
                - {name: Last-Event-ID, in: header, description: "Resume after this message (the id of the last one seen).", schema: {type: string}}
                - {name: lastEventId, in: query, description: "The same, for clients that cannot set headers.", schema: {type: string}}
              responses:
                "200":
                  description: The stream.
                  content:
                    text/event-stream:
                      schema: {type: string}
                "400": {$ref: "#/components/responses/BadRequest"}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
          responses:
            BadRequest:
              description: A parameter or the body is not valid; `detail` names it.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            Unauthorized:
              description: No bearer token.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            Forbidden:
              description: A bearer token that is not the server's.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            NotFound:
              description: No such event, article or route.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            TooLarge:
              description: The body is over the size limit, or holds more records than allowed; `detail` names the limit.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            UnsupportedMediaType:
              description: Not application/json or application/x-ndjson.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            Busy:
              description: The ingest queue is full; retry after the seconds in Retry-After.
              headers:
                Retry-After: {schema: {type: integer}}
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            Failed:
              description: The store failed.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
          schemas:
            Error:
              type: object
              required: [error, detail]
              properties:
                error: {type: string, description: "A short code: bad_request, unauthorized, forbidden, not_found, too_large, unsupported_media_type, unavailable, store, internal."}
                detail: {type: string, description: "What went wrong, for a person."}
            Counts:
              type: object
              required: [articles, events, decisions, merges, rejects, languages]
              properties:
                articles: {type: integer}
                events: {type: integer}
                decisions: {type: integer}
                merges: {type: integer}
                rejects: {type: integer}
                languages: {type: object, additionalProperties: {type: integer}}
            EventSummary:
              type: object
              required: [id, title, articleCount, sourceCount, languages, entities, entityKeys]
              properties:
                id: {type: string}
                title: {type: string}
                articleCount: {type: integer}
                sourceCount: {type: integer, description: "Distinct outlets."}
                languages: {type: array, items: {type: string}}
                firstPublished: {type: number, description: "Seconds since 1970."}
                lastPublished: {type: number}
                eventDate: {type: string, description: "The estimated event day, YYYY-MM-DD."}
                eventDateEvidence: {type: string}
                entities: {type: array, items: {type: string}}
                entityKeys: {type: array, items: {type: string}}
                firstDay: {type: number, description: "Days since 1970."}
                lastDay: {type: number}
                languageCounts: {type: object, additionalProperties: {type: integer}, description: "Articles per language."}
                independentSources: {type: integer, description: "Distinct outlets once near copies count with their original."}
            EventList:
              type: object
              required: [events, total, offset, limit]
              properties:
                events: {type: array, items: {$ref: "#/components/schemas/EventSummary"}}
                total: {type: integer, description: "Events that match, in all."}
                offset: {type: integer}
                limit: {type: integer}
                nextCursor: {type: string, description: "Pass as cursor for the next page; absent on the last."}
            EventDetail:
              type: object
              required: [summary, articles]
              properties:
                summary: {$ref: "#/components/schemas/EventSummary"}
                articles:
                  type: array
                  items:
                    type: object
                    required: [id, language, title, entities, dates, numbers]
                    properties:
                      id: {type: string}
                      language: {type: string}
                      published: {type: string, format: date-time}
                      source: {type: string}
                      title: {type: string}
                      entities: {type: array, items: {type: string}}
                      dates: {type: array, items: {type: object}}
                      numbers: {type: array, items: {type: object}}
                      eventDate: {type: object}
                      yearlessDay: {type: object}
                      decision: {type: string, description: "The decision that placed it, as `concord explain` says it."}
                      probability: {type: number}
                      threshold: {type: number}
            StoredArticle:
              type: object
              required: [article, features, eventID]
              properties:
                article:
                  type: object
                  required: [id, title, text]
                  properties:
                    id: {type: string}
                    url: {type: string}
                    source: {type: string}
                    title: {type: string}
                    text: {type: string}
                    published: {type: string, format: date-time}
                    declaredLanguage: {type: string}
                features: {type: object}
                eventID: {type: string}
                decision: {type: object}
            Explanation:
              type: object
              required: [articles]
              properties:
                articles:
                  type: array
                  items:
                    type: object
                    required: [id, event, decision]
                    properties:
                      id: {type: string}
                      event: {type: string}
                      decision: {type: string}
                sameEvent: {type: boolean}
                pair: {type: object}
                pairSummary: {type: string}
            Record:
              type: object
              description: An article as `concord ingest` reads it; `text` is required, the rest optional.
              required: [text]
              properties:
                id: {type: string}
                title: {type: string}
                text: {type: string}
                url: {type: string}
                source: {type: string}
                published: {type: string, description: "ISO 8601 or a common date format."}
                lang: {type: string}
            IngestReply:
              type: object
              required: [results, totals]
              properties:
                results:
                  type: array
                  items:
                    type: object
                    required: [line, status]
                    properties:
                      line: {type: integer, description: "The record's line (NDJSON) or position from 1 (array)."}
                      id: {type: string}
                      status: {type: string, enum: [ingested, duplicate, updated, changed, rejected]}
                      event: {type: string}
                      joined: {type: boolean}
                      duplicateOf: {type: string}
                      reason: {type: string}
                      warnings: {type: array, items: {type: string}, description: "What was read but not understood (an unreadable date or language); the record was kept."}
                totals:
                  type: object
                  required: [read, ingested, duplicates, rejected, changed, updated, joined, created, merges, events]
                  properties:
                    read: {type: integer}
                    ingested: {type: integer}
                    duplicates: {type: integer}
                    rejected: {type: integer}
                    changed: {type: integer}
                    updated: {type: integer}
                    joined: {type: integer}
                    created: {type: integer}
                    merges: {type: integer}
                    events: {type: integer}
        """#
}
