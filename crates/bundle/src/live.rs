//! `--serve`: the bundle's directory over HTTP, with open pages reloaded when a new bundle is written.
//!
//! The authoring loop's server, as `hugo server` is for a Hugo blog: static
//! files from one directory (the built viewer with the bundle beside it), and
//! a reload signal. The signal is a long poll rather than a socket: the page
//! asks "anything newer than generation N?" and the answer comes when there
//! is, so it needs nothing but `fetch` and passes the viewer's content
//! security policy (`script-src 'self'`, `connect-src 'self'`). The script
//! that asks is added to `index.html` as it is served, never to the files on
//! disk, so what is published has no trace of it. `location.reload()` keeps
//! the URL fragment, which is the whole view.

use crate::first_view::{with_first_view, without_first_view};
use std::fs;
use std::io::Cursor;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server};

/// Where the reload script and its long poll live, beside the viewer's files.
pub const PREFIX: &str = "__kernel-news/";
/// How long a poll waits before answering "nothing new" (the page asks again).
const POLL: Duration = Duration::from_secs(20);

const LIVE_JS: &str = r#"// kernel-news-bundle --serve: reloads this page, view and all, when the bundler writes a new bundle.
(() => {
  const me = document.currentScript;
  const seen = me.dataset.generation;
  const wait = new URL("wait", me.src);
  (async () => {
    for (;;) {
      try {
        const answer = await fetch(`${wait}?since=${seen}`, { cache: "no-store" });
        if ((await answer.text()).trim() !== seen) return location.reload();
      } catch {
        // The server is restarting, or gone: ask again in a while.
        await new Promise((later) => setTimeout(later, 1000));
      }
    }
  })();
})();
"#;

#[derive(Debug, thiserror::Error)]
#[error("cannot serve on {addr}: {message}; expected a free local address such as 127.0.0.1:8080")]
pub struct ServeError {
    addr: String,
    message: String,
}

/// How many bundles have been written since the server started; a page
/// loaded at one generation reloads when there is a newer one.
#[derive(Debug, Default)]
struct Generation {
    number: Mutex<u64>,
    changed: Condvar,
}

impl Generation {
    fn now(&self) -> u64 {
        *self.number.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The generation once it differs from `seen`, or the same after `timeout`.
    fn after(&self, seen: u64, timeout: Duration) -> u64 {
        let number = self.number.lock().unwrap_or_else(|e| e.into_inner());
        let (number, _) = (self.changed)
            .wait_timeout_while(number, timeout, |n| *n == seen)
            .unwrap_or_else(|e| e.into_inner());
        *number
    }

    fn bump(&self) {
        *self.number.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        self.changed.notify_all();
    }
}

/// The running server; it stops with the process.
#[derive(Debug, Clone)]
pub struct LiveServer {
    addr: SocketAddr,
    generation: Arc<Generation>,
}

impl LiveServer {
    /// Serves `root` on `addr` from a thread of its own (a thread per request,
    /// since a long poll holds one).
    pub fn start(addr: &str, root: PathBuf) -> Result<LiveServer, ServeError> {
        let error = |message: String| ServeError {
            addr: addr.to_string(),
            message,
        };
        let server = Server::http(addr).map_err(|e| error(e.to_string()))?;
        let bound =
            (server.server_addr().to_ip()).ok_or_else(|| error("not an IP address".into()))?;
        let live = LiveServer {
            addr: bound,
            generation: Arc::default(),
        };
        let generation = Arc::clone(&live.generation);
        let root = Arc::new(root);
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let (root, generation) = (Arc::clone(&root), Arc::clone(&generation));
                std::thread::spawn(move || answer(request, &root, &generation));
            }
        });
        Ok(live)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Tells every open page that a new bundle is there.
    pub fn reload(&self) {
        self.generation.bump();
    }
}

fn answer(request: Request, root: &Path, generation: &Generation) {
    let response = match request.method() {
        Method::Get | Method::Head => route(request.url(), root, generation),
        _ => text(405, "only GET and HEAD are served"),
    };
    // A reader that went away (a reload mid-poll) is not an error of ours.
    let _ = request.respond(response);
}

/// The response for a request path (with its query) under `root`.
fn route(url: &str, root: &Path, generation: &Generation) -> Response<Cursor<Vec<u8>>> {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let path = path.trim_start_matches('/');
    if path == format!("{PREFIX}live.js") {
        return typed(
            200,
            LIVE_JS.as_bytes().to_vec(),
            "text/javascript; charset=utf-8",
        );
    }
    if path == format!("{PREFIX}wait") {
        let seen = (query.split('&'))
            .find_map(|kv| kv.strip_prefix("since="))
            .and_then(|n| n.parse().ok());
        let now = match seen {
            Some(seen) => generation.after(seen, POLL),
            None => generation.now(),
        };
        return text(200, &now.to_string());
    }
    let Some(file) = file_under(root, path) else {
        return text(404, &format!("no such file: /{path}"));
    };
    match fs::read(&file) {
        Ok(bytes) if path.is_empty() || path == "index.html" => {
            let html = String::from_utf8_lossy(&bytes);
            // The first view drawn from the bundle as it is now, not as it
            // was when the viewer was built: a save shows in it too.
            let html = with_first_view(&html, &root.join("bundle.json"))
                .unwrap_or_else(|_| without_first_view(&html));
            typed(
                200,
                with_live_script(&html, generation.now()).into_bytes(),
                "text/html; charset=utf-8",
            )
        }
        Ok(bytes) => typed(200, bytes, content_type(&file)),
        Err(_) if path.is_empty() => text(
            404,
            &format!(
                "no index.html in {}: build the viewer there first (trunk build --release)",
                root.display()
            ),
        ),
        Err(_) => text(404, &format!("no such file: /{path}")),
    }
}

/// The file a request path names below `root`, or `None` for a path that
/// would leave it (`..`, a backslash, an encoded character; the viewer's own
/// file names need none of them).
pub fn file_under(root: &Path, path: &str) -> Option<PathBuf> {
    let bad = |segment: &str| segment == ".." || segment.contains(['\\', '%', '\0']);
    if path.split('/').any(bad) {
        return None;
    }
    Some(if path.is_empty() {
        root.join("index.html")
    } else {
        root.join(path)
    })
}

/// `html` with the reload script added at the end of its body.
pub fn with_live_script(html: &str, generation: u64) -> String {
    let script =
        format!(r#"<script src="./{PREFIX}live.js" data-generation="{generation}"></script>"#);
    match html.rfind("</body>") {
        Some(at) => format!("{}{script}\n{}", &html[..at], &html[at..]),
        None => format!("{html}{script}\n"),
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "atom" => "application/atom+xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn text(status: u16, body: &str) -> Response<Cursor<Vec<u8>>> {
    typed(
        status,
        body.as_bytes().to_vec(),
        "text/plain; charset=utf-8",
    )
}

/// Never cached: an authoring loop wants every reload to see the newest
/// files. Always with a length (tiny_http would chunk a large body), which
/// is what a static host sends.
fn typed(status: u16, body: Vec<u8>, kind: &str) -> Response<Cursor<Vec<u8>>> {
    let header = |name: &str, value: &str| {
        Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
    };
    Response::from_data(body)
        .with_chunked_threshold(usize::MAX)
        .with_status_code(status)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_live_script_goes_at_the_end_of_the_body_with_its_generation() {
        let html = "<html><body><p>x</p></body></html>";
        assert_eq!(
            with_live_script(html, 7),
            "<html><body><p>x</p><script src=\"./__kernel-news/live.js\" data-generation=\"7\"></script>\n</body></html>"
        );
        assert!(
            with_live_script("<p>no body</p>", 0).ends_with("data-generation=\"0\"></script>\n")
        );
    }

    #[test]
    fn paths_that_would_leave_the_served_directory_are_refused() {
        let root = Path::new("/site");
        assert_eq!(file_under(root, ""), Some("/site/index.html".into()));
        assert_eq!(
            file_under(root, "feeds/all.atom"),
            Some("/site/feeds/all.atom".into())
        );
        for bad in [
            "../etc/passwd",
            "feeds/../../x",
            "a\\..\\b",
            "%2e%2e/x",
            "a\0b",
        ] {
            assert_eq!(file_under(root, bad), None, "{bad}");
        }
    }

    #[test]
    fn a_poll_answers_at_once_when_behind_and_after_the_next_reload_when_current() {
        let generation = Arc::new(Generation::default());
        assert_eq!(generation.after(5, Duration::from_secs(10)), 0);
        let waiter = {
            let generation = Arc::clone(&generation);
            std::thread::spawn(move || generation.after(0, Duration::from_secs(30)))
        };
        std::thread::sleep(Duration::from_millis(50));
        generation.bump();
        assert_eq!(waiter.join().unwrap(), 1);
        assert_eq!(generation.after(1, Duration::from_millis(10)), 1);
    }

    /// Status, content type and body of the response to `url`.
    fn get(url: &str, root: &Path, generation: &Generation) -> (u16, String, String) {
        let response = route(url, root, generation);
        let kind = (response.headers().iter())
            .find(|h| h.field.equiv("Content-Type"))
            .map(|h| h.value.to_string())
            .unwrap_or_default();
        let status = response.status_code().0;
        let body = String::from_utf8_lossy(&response.into_reader().into_inner()).into_owned();
        (status, kind, body)
    }

    #[test]
    fn routes_serve_the_page_with_its_script_files_by_type_the_script_and_the_poll() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<body>page</body>").unwrap();
        std::fs::write(dir.path().join("a.css"), "p{}").unwrap();
        let generation = Generation::default();
        generation.bump();
        generation.bump();
        for url in ["/", "/index.html", "/?x=1"] {
            let (status, kind, body) = get(url, dir.path(), &generation);
            assert_eq!(
                (status, kind.as_str()),
                (200, "text/html; charset=utf-8"),
                "{url}"
            );
            assert!(body.contains("data-generation=\"2\""), "{url}: {body}");
        }
        let (status, kind, body) = get("/a.css", dir.path(), &generation);
        assert_eq!(
            (status, kind.as_str(), body.as_str()),
            (200, "text/css; charset=utf-8", "p{}")
        );
        let (status, kind, body) = get(&format!("/{PREFIX}live.js"), dir.path(), &generation);
        assert_eq!(
            (status, kind.as_str()),
            (200, "text/javascript; charset=utf-8")
        );
        assert_eq!(body, LIVE_JS);
        // Behind the current generation, the poll answers at once.
        let (status, _, body) = get(&format!("/{PREFIX}wait?since=0"), dir.path(), &generation);
        assert_eq!((status, body.as_str()), (200, "2"));
        let (_, _, body) = get(&format!("/{PREFIX}wait"), dir.path(), &generation);
        assert_eq!(body, "2");
    }

    /// The status line the server at `addr` answers a `method` request for `/` with.
    fn status_line(addr: SocketAddr, method: &str) -> String {
        use std::io::{BufRead, BufReader, Write};
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        write!(
            stream,
            "{method} / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
        )
        .unwrap();
        let mut line = String::new();
        BufReader::new(stream).read_line(&mut line).unwrap();
        line.trim_end().to_string()
    }

    #[test]
    fn the_server_answers_get_and_head_and_refuses_other_methods() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<body>page</body>").unwrap();
        let live = LiveServer::start("127.0.0.1:0", dir.path().to_path_buf()).unwrap();
        assert_eq!(status_line(live.addr(), "GET"), "HTTP/1.1 200 OK");
        assert_eq!(status_line(live.addr(), "HEAD"), "HTTP/1.1 200 OK");
        assert_eq!(
            status_line(live.addr(), "POST"),
            "HTTP/1.1 405 Method Not Allowed"
        );
    }

    #[test]
    fn reload_moves_every_page_to_the_next_generation() {
        let dir = tempfile::tempdir().unwrap();
        let live = LiveServer::start("127.0.0.1:0", dir.path().to_path_buf()).unwrap();
        assert_eq!(live.generation.now(), 0);
        live.reload();
        assert_eq!(live.generation.now(), 1);
    }

    #[test]
    fn a_missing_file_and_a_missing_page_are_404_each_saying_what_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let generation = Generation::default();
        let (status, _, body) = get("/", dir.path(), &generation);
        assert_eq!(status, 404);
        assert!(body.starts_with("no index.html in "), "{body}");
        let (status, _, body) = get("/nope.js", dir.path(), &generation);
        assert_eq!((status, body.as_str()), (404, "no such file: /nope.js"));
        let (status, _, body) = get("/../x", dir.path(), &generation);
        assert_eq!((status, body.as_str()), (404, "no such file: /../x"));
    }

    #[test]
    fn every_file_the_viewer_needs_has_its_type() {
        for (file, kind) in [
            ("index.html", "text/html; charset=utf-8"),
            ("a.js", "text/javascript; charset=utf-8"),
            ("a.mjs", "text/javascript; charset=utf-8"),
            ("a.css", "text/css; charset=utf-8"),
            ("bundle.json", "application/json"),
            ("chart.svg", "image/svg+xml"),
            ("icon.png", "image/png"),
            ("notes.txt", "text/plain; charset=utf-8"),
            ("README.md", "text/plain; charset=utf-8"),
            ("blob", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(file)), kind, "{file}");
        }
    }

    #[test]
    fn the_wasm_is_served_as_wasm_so_it_streams() {
        assert_eq!(
            content_type(Path::new("app-0123456789abcdef_bg.wasm")),
            "application/wasm"
        );
        assert_eq!(
            content_type(Path::new("feeds/all.atom")),
            "application/atom+xml"
        );
    }
}
