#include "http/server.h"

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cctype>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "http/errors.h"

namespace trm::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

Request ToRequest(const bhttp::request<bhttp::string_body>& req, const std::string& ip) {
  Request r;
  r.method = std::string(req.method_string());
  r.target = std::string(req.target());
  for (const auto& f : req) {
    std::string name(f.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    r.headers[name] = std::string(f.value());
  }
  r.body = req.body();
  r.remote_ip = ip;
  return r;
}

bhttp::response<bhttp::string_body> FromResponse(Response&& res, unsigned version,
                                                 bool keep_alive) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
  out.set(bhttp::field::server, "OpenTRM");
  for (auto& [k, v] : res.headers) out.set(k, v);
  out.body() = std::move(res.body);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

// Answers held for a report from the store's committer (send_when). Serve
// waits for the outstanding reports before it destroys the io_context, so a
// late report never resumes a session on a destroyed one.
struct PostGuard {
  std::mutex mu;
  std::condition_variable settled;
  int outstanding = 0;  // GUARDED_BY(mu)
};

// What every session shares besides the options and the handler.
struct Shared {
  asio::thread_pool& workers;
  std::shared_ptr<PostGuard> guard = std::make_shared<PostGuard>();
};

Response Handle(const Handler& handler, Request& r) {
  try {
    return handler.handle(r);
  } catch (const std::exception& e) {
    // A bug, not an expected failure: log it and answer 500 without details.
    std::cerr << "trm: internal error handling " << r.method << " " << r.path << ": " << e.what()
              << "\n";
    return ErrorResponse(500, "internal", "internal error");
  }
}

// Suspends the coroutine until `start` calls the `resume` it is given, from
// any thread, with a T; the coroutine then goes on, on its own executor, with
// that T. `resume` hands the suspended coroutine on whole, so a copy of it
// that outlives the call keeps no share of it (posted to a stopped
// io_context, the coroutine is destroyed with it).
template <typename T, typename Start>
asio::awaitable<T> Resumed(Start start) {
  auto ex = co_await asio::this_coro::executor;
  co_return co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(T)>(
      [&](auto done) {
        auto waiting = std::make_shared<decltype(done)>(std::move(done));
        start([waiting, ex](T value) mutable {
          asio::post(ex, [w = std::move(waiting), v = std::move(value)]() mutable {
            (*w)(std::move(v));
          });
        });
      },
      asio::use_awaitable);
}

// Runs the handler on a worker thread.
asio::awaitable<Response> HandleOn(asio::thread_pool& workers, const Handler& handler,
                                   Request r) {
  co_return co_await Resumed<Response>([&](auto resume) {
    asio::post(workers, [resume, &handler, r = std::move(r)]() mutable {
      resume(Handle(handler, r));
    });
  });
}

// Holds the response until its send_when reports.
asio::awaitable<Response> HoldUntilReleased(Response res, Shared& shared) {
  auto gate = std::move(res.send_when);
  res.send_when = nullptr;
  Status status = co_await Resumed<Status>([&](auto resume) {
    {
      std::lock_guard lock(shared.guard->mu);
      ++shared.guard->outstanding;
    }
    gate([resume, guard = shared.guard](const Status& s) mutable {
      resume(s);
      std::lock_guard lock(guard->mu);
      if (--guard->outstanding == 0) guard->settled.notify_all();
    });
  });
  if (status.ok()) co_return res;
  Response failed = ErrorResponse(status);
  AddSecurityHeaders(failed);
  failed.Set("Cache-Control", "no-store");
  co_return failed;
}

asio::awaitable<void> Session(tcp::socket socket, const ServerOptions& opts,
                              const Handler& handler, Shared& shared) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  beast::error_code ec;
  std::string ip;
  {
    auto ep = stream.socket().remote_endpoint(ec);
    ip = ec ? "unknown" : ep.address().to_string();
  }
  while (true) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.body_limit(opts.body_limit);
    parser.header_limit(16 * 1024);
    stream.expires_after(std::chrono::seconds(opts.read_timeout_s));
    co_await bhttp::async_read(stream, buffer, parser,
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset)
      break;
    Response res;
    bool keep_alive = false;
    unsigned version = 11;
    if (ec == bhttp::error::body_limit) {
      res = ErrorResponse(413, "payload_too_large",
                          "the request body is larger than " +
                              std::to_string(opts.body_limit) + " bytes");
    } else if (ec) {
      res = ErrorResponse(400, "invalid_argument", "malformed HTTP request");
    } else {
      auto& req = parser.get();
      version = req.version();
      keep_alive = req.keep_alive();
      Request r = ToRequest(req, ip);
      if (handler.runs_inline && handler.runs_inline(r))
        res = Handle(handler, r);
      else
        res = co_await HandleOn(shared.workers, handler, std::move(r));
    }
    if (res.send_when) res = co_await HoldUntilReleased(std::move(res), shared);
    if (ec) {  // answered before routing
      AddSecurityHeaders(res);
      res.Set("Cache-Control", "no-store");
    }
    auto out = FromResponse(std::move(res), version, keep_alive);
    stream.expires_after(std::chrono::seconds(opts.write_timeout_s));
    co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
    if (ec || !keep_alive) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

asio::awaitable<void> Listen(tcp::acceptor& acceptor, const ServerOptions& opts,
                             const Handler& handler, Shared& shared) {
  auto ex = co_await asio::this_coro::executor;
  while (true) {
    beast::error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
    if (ec) continue;
    asio::co_spawn(ex, Session(std::move(socket), opts, handler, shared), asio::detached);
  }
}

}  // namespace

Status Serve(const ServerOptions& opts, Handler handler) {
  const int io_threads = std::max(1, opts.io_threads);
  asio::io_context ioc(io_threads);
  asio::thread_pool workers(static_cast<size_t>(std::max(1, opts.threads)));
  Shared shared{workers};
  tcp::acceptor acceptor(ioc);
  beast::error_code ec;
  auto address = asio::ip::make_address(opts.address, ec);
  if (ec) return Status::InvalidArgument("bad listen address " + opts.address);
  tcp::endpoint ep(address, static_cast<unsigned short>(opts.port));
  acceptor.open(ep.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(ep, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Status::Unavailable("cannot listen on " + opts.address + ":" +
                                     std::to_string(opts.port) + ": " + ec.message());
  if (opts.on_listening) opts.on_listening(acceptor.local_endpoint().port());

  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](const beast::error_code&, int) {
    // Stop accepting; sessions finish their current request, then the
    // io_context runs out of work once idle keep-alive reads time out, so stop
    // it after a short grace period.
    acceptor.close();
    auto timer = std::make_shared<asio::steady_timer>(ioc, std::chrono::milliseconds(500));
    timer->async_wait([&ioc, timer](const beast::error_code&) { ioc.stop(); });
  });

  asio::co_spawn(ioc, Listen(acceptor, opts, handler, shared), asio::detached);
  std::vector<std::thread> io;
  for (int i = 1; i < io_threads; ++i) io.emplace_back([&] { ioc.run(); });
  ioc.run();
  for (auto& t : io) t.join();
  workers.join();  // handlers still running finish before the service goes
  {
    // The store answers every queued write, so this ends within a commit.
    std::unique_lock lock(shared.guard->mu);
    shared.guard->settled.wait(lock, [&] { return shared.guard->outstanding == 0; });
  }
  return Status::Ok();
}

}  // namespace trm::http
