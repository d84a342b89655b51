#include "http/rate_limiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace trm::http {
namespace {

constexpr Millis kStart = 1'800'000'000'000;

TEST(RateLimiterTest, RefusesTheRequestOverTheLimitPerAddress) {
  ManualClock clock(kStart);
  RateLimiter limiter(clock, {.per_key = 3, .total = 100, .window_ms = 60'000});
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Take("10.0.0.1").allowed) << i;
  auto refused = limiter.Take("10.0.0.1");
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_s, 60);
  EXPECT_TRUE(limiter.Take("10.0.0.2").allowed) << "another address has its own allowance";
}

TEST(RateLimiterTest, WindowSlidesSoTheOldestHitFreesTheFirstPlace) {
  ManualClock clock(kStart);
  RateLimiter limiter(clock, {.per_key = 2, .total = 100, .window_ms = 60'000});
  ASSERT_TRUE(limiter.Take("a").allowed);
  clock.Advance(20'000);
  ASSERT_TRUE(limiter.Take("a").allowed);
  clock.Advance(10'000);
  auto refused = limiter.Take("a");
  ASSERT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_s, 30) << "the first hit leaves the window 30 s from now";
  clock.Advance(29'999);
  EXPECT_FALSE(limiter.Take("a").allowed);
  clock.Advance(1);
  EXPECT_TRUE(limiter.Take("a").allowed);
  EXPECT_FALSE(limiter.Take("a").allowed) << "the second hit is still in the window";
}

TEST(RateLimiterTest, RefusedRequestsAreNotCounted) {
  ManualClock clock(kStart);
  RateLimiter limiter(clock, {.per_key = 1, .total = 100, .window_ms = 1'000});
  ASSERT_TRUE(limiter.Take("a").allowed);
  for (int i = 0; i < 50; ++i) ASSERT_FALSE(limiter.Take("a").allowed);
  clock.Advance(1'000);
  EXPECT_TRUE(limiter.Take("a").allowed) << "hammering while refused does not extend the wait";
}

TEST(RateLimiterTest, GlobalCapHoldsAcrossAddresses) {
  ManualClock clock(kStart);
  RateLimiter limiter(clock, {.per_key = 5, .total = 4, .window_ms = 10'000});
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(limiter.Take("addr" + std::to_string(i)).allowed);
  auto refused = limiter.Take("fresh");
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_s, 10);
  clock.Advance(10'000);
  EXPECT_TRUE(limiter.Take("fresh").allowed);
}

TEST(RateLimiterTest, RetryAfterIsAtLeastOneSecond) {
  ManualClock clock(kStart);
  RateLimiter limiter(clock, {.per_key = 1, .total = 10, .window_ms = 1'000});
  ASSERT_TRUE(limiter.Take("a").allowed);
  clock.Advance(999);
  auto refused = limiter.Take("a");
  ASSERT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_s, 1);
}

TEST(RateLimiterTest, ManyThreadsNeverGetMoreThanTheLimit) {
  ManualClock clock(kStart);
  RateLimiter limiter(clock, {.per_key = 1000, .total = 100, .window_ms = 60'000});
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i)
        if (limiter.Take("t" + std::to_string(t % 3)).allowed) ++allowed;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(allowed.load(), 100);
}

TEST(RateLimiterTest, ForgetsAddressesWhoseHitsExpired) {
  ManualClock clock(kStart);
  RateLimiter limiter(clock, {.per_key = 1, .total = 3, .window_ms = 1'000});
  for (int round = 0; round < 100; ++round) {
    for (int i = 0; i < 3; ++i)
      ASSERT_TRUE(limiter.Take("r" + std::to_string(round) + "-" + std::to_string(i)).allowed)
          << round;
    clock.Advance(1'000);
  }
  EXPECT_LE(limiter.TEST_KeyCount(), 4u);
}

}  // namespace
}  // namespace trm::http
