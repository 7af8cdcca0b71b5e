/// The script a served page runs: it opens a WebSocket to the server and names its page;
/// the server sends that page's current version at once and every new one after a
/// re-render; a version other than the page's own reloads the page (the URL's `#stage=…&resource=…` keeps the view). When the
/// server goes away the script retries quietly. Its text is part of the page, so the
/// page's CSP allows it by hash like the main script.
package enum LiveReload {
    package static let path = "/_topograph/live"

    package static func script(page: Int, version: Int) -> String {
        """
        "use strict";
        (function () {
          const version = \(version);
          function connect() {
            const socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(path)");
            socket.onopen = () => socket.send("\(page)");
            socket.onmessage = (event) => { if (Number(event.data) !== version) location.reload(); };
            socket.onclose = () => setTimeout(connect, 500);
          }
          connect();
        })();
        """
    }
}
