/// The pages' templates (Mustache: `{{x}}` is HTML-escaped), stylesheet and script: all served by Concord
/// itself, nothing from elsewhere, so the pages work offline.
enum PageTemplates {
    static let all: [(String, String)] = [
        ("header", header), ("footer", footer), ("list", list), ("event", event), ("article", article),
        ("error", error),
    ]

    static let header = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{pageTitle}} · Concord</title>
        <link rel="stylesheet" href="/static/concord.css">
        </head>
        <body>
        <header class="top">
        <a class="brand" href="/">Concord</a>
        <form class="search" action="/" method="get" role="search">
        <label for="search" class="hidden">Search events</label>
        <input id="search" name="q" type="search" value="{{q}}" placeholder="Search events: words, names">
        <button type="submit">Search</button>
        </form>
        </header>
        <main>
        """

    static let footer = """
        </main>
        <footer class="bottom">Concord · news events across outlets and languages · <a href="/openapi.yaml">API</a></footer>
        <script src="/static/concord.js" defer></script>
        </body>
        </html>
        """

    static let list = """
        {{> header}}
        <h1>Events</h1>
        <form class="filters" action="/" method="get">
        <input type="hidden" name="q" value="{{q}}">
        <label>Language <select name="lang"><option value="">any</option>{{#languageOptions}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}} ({{count}})</option>{{/languageOptions}}</select></label>
        <label>Entity <input name="entity" value="{{entity}}"></label>
        <label>From <input type="date" name="since" value="{{since}}"></label>
        <label>To <input type="date" name="until" value="{{until}}"></label>
        <button type="submit">Filter</button>
        </form>
        <p class="count" id="count" aria-live="polite">{{countText}}</p>
        <ol class="events" id="events">
        {{#events}}
        <li class="event" data-id="{{id}}">
        <a class="title" href="/events/{{id}}" dir="auto">{{title}}</a>
        <div class="meta"><span class="date">{{date}}</span> · <span class="langs">{{#languages}}<span class="lang">{{code}}{{#count}} {{count}}{{/count}}</span> {{/languages}}</span> · {{articles}} articles · {{sources}} independent sources</div>
        <div class="entities">{{#entities}}<a href="{{href}}" dir="auto">{{name}}</a> {{/entities}}</div>
        </li>
        {{/events}}
        </ol>
        <nav class="pages">{{#newestLink}}<a href="{{newestLink}}">← Newest</a>{{/newestLink}} {{#nextLink}}<a rel="next" href="{{nextLink}}">Older events →</a>{{/nextLink}}</nav>
        {{> footer}}
        """

    static let event = """
        {{> header}}
        <article class="event-page" data-id="{{id}}">
        <h1 dir="auto">{{title}}</h1>
        <p class="when">Event date <strong>{{eventDate}}</strong> <span class="evidence">— {{evidence}}</span></p>
        <p class="counts">{{articleCount}} articles · {{independentSources}} independent sources{{#copies}} · {{copies}} near copies folded under their originals{{/copies}}</p>
        <section class="headlines"><h2>Headline by language</h2>
        <ul>{{#languages}}<li><span class="lang">{{code}} {{count}}</span> <span class="headline" lang="{{code}}" dir="auto">{{title}}</span></li>{{/languages}}</ul>
        </section>
        <section class="who"><h2>Who and where</h2><p class="entities">{{#entities}}<a href="{{href}}" dir="auto">{{name}}</a> {{/entities}}</p></section>
        <section class="coverage"><h2>Coverage over time</h2>{{{svg}}}</section>
        <section class="lookalikes" id="lookalikes"><h2>Not to be confused with</h2>
        {{#lookAlikes}}<div class="lookalike"><a href="/events/{{id}}" dir="auto">{{title}}</a> <span class="date">{{date}}</span><p class="reason">Kept apart: {{reason}}</p></div>{{/lookAlikes}}
        {{^lookAlikes}}<p>No look-alike event found.</p>{{/lookAlikes}}
        </section>
        <section class="articles"><h2>Articles, and why they are together</h2>
        {{#languages}}
        <h3 lang="{{code}}">{{code}} <span class="n">{{count}}</span></h3>
        <ul class="article-list">
        {{#articles}}
        <li class="article" data-id="{{id}}"><a href="/articles/{{id}}" dir="auto">{{title}}</a> <span class="source">{{source}}</span> <time>{{published}}</time>
        <details class="why"><summary>{{kind}}{{#probability}} · p={{probability}}{{/probability}}{{#threshold}} (threshold {{threshold}}){{/threshold}}</summary><p>{{decision}}</p></details>
        {{#copies}}<div class="copy">near copy: <a href="/articles/{{id}}" dir="auto">{{title}}</a> <span class="source">{{source}}</span> <time>{{published}}</time></div>{{/copies}}
        </li>
        {{/articles}}
        </ul>
        {{/languages}}
        </section>
        </article>
        {{> footer}}
        """

    static let article = """
        {{> header}}
        <article class="article-page" data-id="{{id}}">
        <h1 dir="auto">{{title}}</h1>
        <p class="meta"><span class="lang">{{language}}</span> · {{source}}{{#published}} · <time>{{published}}</time>{{/published}}{{#url}} · <a href="{{url}}" rel="noreferrer">original</a>{{/url}}</p>
        <p>In the event <a id="event-link" href="/events/{{event}}" dir="auto">{{eventTitle}}</a>{{#eventDate}}; its own event date {{eventDate}}{{/eventDate}}.</p>
        <section><h2>Why in this event</h2><p class="decision">{{decision}}</p></section>
        <section class="compare"><h2>Explain against another article</h2>
        <form method="get" action="/articles/{{id}}"><label>Article id <input name="compare" value="{{compare}}" required></label> <button type="submit">Explain</button></form>
        {{#comparison}}<div class="comparison"><p><strong>{{verdict}}</strong> (against <a href="/articles/{{other}}">{{other}}</a>)</p><p>{{summary}}</p></div>{{/comparison}}
        {{#compareError}}<p class="error">{{compareError}}</p>{{/compareError}}
        </section>
        <section><h2>Dates found</h2><ul>{{#dates}}<li><q dir="auto">{{text}}</q> → {{day}}</li>{{/dates}}</ul>{{^dates}}<p>None.</p>{{/dates}}</section>
        <section><h2>Entities</h2><p class="entities">{{#entities}}<a href="{{href}}" dir="auto">{{name}}</a> {{/entities}}</p></section>
        <section><h2>Numbers</h2><ul>{{#numbers}}<li><q dir="auto">{{text}}</q> ({{kind}})</li>{{/numbers}}</ul>{{^numbers}}<p>None.</p>{{/numbers}}</section>
        <section><h2>Text</h2><div class="text" dir="auto">{{#paragraphs}}<p>{{.}}</p>{{/paragraphs}}</div></section>
        </article>
        {{> footer}}
        """

    static let error = """
        {{> header}}
        <h1>{{pageTitle}}</h1>
        <p>{{message}}</p>
        <p><a href="/">All events</a></p>
        {{> footer}}
        """

    static let css = """
        :root { --ink: #1d2330; --muted: #5b6474; --line: #d9dde5; --accent: #1f5fbf; --bg: #fbfbfc; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
          color: var(--ink); background: var(--bg); }
        a { color: var(--accent); }
        .hidden { position: absolute; left: -10000px; }
        header.top { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .75rem 1rem;
          border-bottom: 1px solid var(--line); background: #fff; }
        .brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; color: var(--ink); }
        .search { display: flex; flex: 1 1 16rem; gap: .5rem; max-width: 40rem; }
        .search input { flex: 1; min-width: 0; }
        input, select, button { font: inherit; padding: .3rem .5rem; border: 1px solid var(--line); border-radius: 4px;
          background: #fff; color: var(--ink); }
        button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
        h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        h3 { font-size: 1rem; margin: 1rem 0 .25rem; text-transform: uppercase; color: var(--muted); }
        .filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin-bottom: .5rem; }
        .filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
        .count { color: var(--muted); margin: .25rem 0 .75rem; }
        ol.events, ul.article-list { list-style: none; padding: 0; margin: 0; }
        li.event { padding: .75rem 0; border-bottom: 1px solid var(--line); }
        li.event .title { font-weight: 600; font-size: 1.05rem; overflow-wrap: anywhere; }
        .meta, .source, time, .date, .evidence { color: var(--muted); font-size: .9rem; }
        .lang { display: inline-block; font-size: .8rem; padding: 0 .35rem; border: 1px solid var(--line);
          border-radius: 3px; background: #fff; margin-right: .15rem; }
        .entities a { display: inline-block; margin-right: .6rem; font-size: .9rem; overflow-wrap: anywhere; }
        .pages { display: flex; justify-content: space-between; margin: 1rem 0; }
        .headlines ul { list-style: none; padding: 0; }
        .headlines li { margin: .3rem 0; overflow-wrap: anywhere; }
        svg.timeline { width: 100%; height: 6rem; background: #fff; border: 1px solid var(--line); }
        svg.timeline rect { fill: var(--accent); }
        svg.timeline .axis { font-size: 11px; fill: var(--muted); }
        li.article { padding: .5rem 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
        details.why summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
        details.why p { font-size: .85rem; background: #fff; border-left: 3px solid var(--line); padding: .25rem .5rem;
          margin: .25rem 0; overflow-wrap: anywhere; }
        .copy { margin: .2rem 0 0 1rem; font-size: .9rem; }
        .lookalike { padding: .5rem .75rem; border: 1px solid var(--line); border-radius: 4px; background: #fff;
          margin-bottom: .5rem; overflow-wrap: anywhere; }
        .reason { margin: .25rem 0 0; font-size: .9rem; }
        .comparison { background: #fff; border: 1px solid var(--line); padding: .5rem .75rem; }
        .error { color: #a4262c; }
        .text p { max-width: 40rem; }
        footer.bottom { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: var(--muted); font-size: .85rem; }
        @media (max-width: 480px) { main { padding: .75rem; } h1 { font-size: 1.3rem; } .pages { flex-direction: column; gap: .5rem; } }
        """

    /// Live updates of the event list: on any message of `/v1/stream` (a `reset` too: messages were missed while
    /// the connection was down), the list is fetched again and swapped in, without a reload.
    static let script = """
        (function () {
          var list = document.getElementById('events');
          if (!list || !window.EventSource) return;
          var pending = null;
          function refresh() {
            pending = null;
            fetch(window.location.href, { headers: { 'Accept': 'text/html' } })
              .then(function (r) { return r.text(); })
              .then(function (html) {
                var doc = new DOMParser().parseFromString(html, 'text/html');
                var fresh = doc.getElementById('events');
                var count = doc.getElementById('count');
                if (fresh) list.innerHTML = fresh.innerHTML;
                if (count) document.getElementById('count').textContent = count.textContent;
                list.setAttribute('data-updated', String(Date.now()));
              });
          }
          var source = new EventSource('/v1/stream');
          ['created', 'joined', 'merged', 'reset'].forEach(function (kind) {
            source.addEventListener(kind, function () { if (!pending) pending = setTimeout(refresh, 250); });
          });
          window.addEventListener('beforeunload', function () { source.close(); });
        })();
        """
}
