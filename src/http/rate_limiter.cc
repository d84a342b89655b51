#include "http/rate_limiter.h"

#include <algorithm>

namespace trm::http {

void RateLimiter::Expire(std::deque<Millis>& hits, Millis now) const {
  while (!hits.empty() && hits.front() <= now - limits_.window_ms) hits.pop_front();
}

int RateLimiter::RetryAfter(const std::deque<Millis>& hits, Millis now) const {
  // The oldest hit in the window leaves it first; round up to whole seconds.
  const Millis wait = hits.front() + limits_.window_ms - now;
  return static_cast<int>(std::max<Millis>(1, (wait + 999) / 1000));
}

RateLimiter::Decision RateLimiter::Take(const std::string& key) {
  const Millis now = clock_.Now();
  std::lock_guard<std::mutex> lock(mu_);
  Expire(all_, now);
  // Addresses whose hits have all expired are forgotten, so the table holds
  // at most the addresses seen in one window (bounded by `total`, since a
  // refused request adds no entry).
  if (keys_.size() > static_cast<size_t>(limits_.total)) {
    for (auto it = keys_.begin(); it != keys_.end();) {
      Expire(it->second, now);
      it = it->second.empty() ? keys_.erase(it) : std::next(it);
    }
  }
  if (static_cast<int>(all_.size()) >= limits_.total) return {false, RetryAfter(all_, now)};
  auto found = keys_.find(key);
  if (found != keys_.end()) {
    Expire(found->second, now);
    if (static_cast<int>(found->second.size()) >= limits_.per_key)
      return {false, RetryAfter(found->second, now)};
  }
  keys_[key].push_back(now);
  all_.push_back(now);
  return {true, 0};
}

}  // namespace trm::http
