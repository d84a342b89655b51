#include "match/encoded_linkage.h"

#include <algorithm>
#include <chrono>

#include "match/parallel.h"
#include "match/phonetic.h"
#include "match/random.h"

namespace trm::match {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

struct BandKey {
  uint64_t key;
  uint32_t index;
  bool operator<(const BandKey& o) const { return key != o.key ? key < o.key : index < o.index; }
};

std::vector<std::vector<uint16_t>> BandPositions(const LshOptions& o) {
  SplitMix64 rng(Hash64(o.seed));
  std::vector<std::vector<uint16_t>> bands(o.bands);
  for (auto& band : bands) {
    for (int k = 0; k < o.bits_per_band; ++k) {
      band.push_back(static_cast<uint16_t>(rng.Below(kEncodingBits)));
    }
  }
  return bands;
}

uint64_t BandHash(const uint64_t* words, const std::vector<uint16_t>& positions, int band) {
  uint64_t h = 0x9E3779B97F4A7C15ull * (band + 1);
  for (uint16_t p : positions) h = (h << 1 | ((words[p >> 6] >> (p & 63)) & 1u)) ^ (h >> 63);
  return h * 0xBF58476D1CE4E5B9ull + static_cast<uint64_t>(band);
}

}  // namespace

std::vector<EncodedLink> LinkEncodings(const EncodingStore& a, const EncodingStore& b,
                                       float threshold, const LshOptions* lsh, bool one_to_one,
                                       int threads, EncodedLinkStats* stats) {
  EncodedLinkStats local;
  EncodedLinkStats* st = stats ? stats : &local;
  std::vector<std::vector<EncodedLink>> found(std::max(1, threads));
  auto start = Clock::now();
  if (lsh == nullptr) {
    // Every pair: each `a` scanned against all of `b` with the vector kernel.
    ParallelChunks(a.size(), threads, 64, [&](int t, size_t begin, size_t end) {
      std::vector<std::pair<uint32_t, float>> hits;
      Encoding q;
      for (size_t i = begin; i < end; ++i) {
        std::copy(a.words(i), a.words(i) + kEncodingWords, q.words.begin());
        hits.clear();
        DiceAbove(q, b, 0, b.size(), threshold, &hits);
        for (const auto& [j, d] : hits) found[t].push_back({static_cast<uint32_t>(i), j, d});
      }
    });
    st->candidates = static_cast<uint64_t>(a.size()) * b.size();
    st->seconds_dice = Seconds(start);
  } else {
    // Candidate lists per `a` record from shared band keys.
    const auto bands = BandPositions(*lsh);
    std::vector<std::vector<uint32_t>> candidates(a.size());
    for (int band = 0; band < lsh->bands; ++band) {
      std::vector<BandKey> ka(a.size()), kb(b.size());
      for (size_t i = 0; i < a.size(); ++i) {
        ka[i] = {BandHash(a.words(i), bands[band], band), static_cast<uint32_t>(i)};
      }
      for (size_t j = 0; j < b.size(); ++j) {
        kb[j] = {BandHash(b.words(j), bands[band], band), static_cast<uint32_t>(j)};
      }
      std::sort(ka.begin(), ka.end());
      std::sort(kb.begin(), kb.end());
      size_t x = 0, y = 0;
      while (x < ka.size() && y < kb.size()) {
        if (ka[x].key < kb[y].key) {
          ++x;
        } else if (kb[y].key < ka[x].key) {
          ++y;
        } else {
          size_t y2 = y;
          while (y2 < kb.size() && kb[y2].key == ka[x].key) ++y2;
          const uint64_t key = ka[x].key;
          for (; x < ka.size() && ka[x].key == key; ++x) {
            for (size_t k = y; k < y2; ++k) candidates[ka[x].index].push_back(kb[k].index);
          }
          y = y2;
        }
      }
    }
    st->seconds_blocking = Seconds(start);
    start = Clock::now();
    std::vector<uint64_t> counted(found.size(), 0);
    ParallelChunks(a.size(), threads, 256, [&](int t, size_t begin, size_t end) {
      std::vector<float> scores;
      Encoding q;
      for (size_t i = begin; i < end; ++i) {
        auto& c = candidates[i];
        std::sort(c.begin(), c.end());
        c.erase(std::unique(c.begin(), c.end()), c.end());
        std::copy(a.words(i), a.words(i) + kEncodingWords, q.words.begin());
        scores.resize(c.size());
        DiceCandidates(q, b, c.data(), c.size(), scores.data());
        counted[t] += c.size();
        for (size_t k = 0; k < c.size(); ++k) {
          if (scores[k] >= threshold) {
            found[t].push_back({static_cast<uint32_t>(i), c[k], scores[k]});
          }
        }
      }
    });
    for (uint64_t c : counted) st->candidates += c;
    st->seconds_dice = Seconds(start);
  }
  std::vector<EncodedLink> links;
  for (auto& f : found) links.insert(links.end(), f.begin(), f.end());
  std::sort(links.begin(), links.end(), [](const EncodedLink& x, const EncodedLink& y) {
    return x.dice != y.dice ? x.dice > y.dice : (x.a != y.a ? x.a < y.a : x.b < y.b);
  });
  if (one_to_one) {
    std::vector<bool> used_a(a.size()), used_b(b.size());
    std::vector<EncodedLink> kept;
    for (const EncodedLink& l : links) {
      if (used_a[l.a] || used_b[l.b]) continue;
      used_a[l.a] = used_b[l.b] = true;
      kept.push_back(l);
    }
    links = std::move(kept);
  }
  return links;
}

}  // namespace trm::match
