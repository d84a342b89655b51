#include "match/bloom_encoding.h"

#include <sodium.h>

#include <cstdio>
#include <cstring>
#include <numeric>

#include "match/phonetic.h"

namespace trm::match {
namespace {

void SetBit(Encoding* e, int bit) { e->words[bit >> 6] |= uint64_t{1} << (bit & 63); }

std::array<uint8_t, 32> Hmac(const std::array<uint8_t, 32>& key, std::string_view message) {
  std::array<uint8_t, 32> out;
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, key.data(), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha256_final(&state, out.data());
  return out;
}

}  // namespace

int Encoding::Popcount() const {
  int n = 0;
  for (uint64_t w : words) n += __builtin_popcountll(w);
  return n;
}

Result<BloomEncoder> BloomEncoder::Create(const std::string& key, EncodingOptions options) {
  if (key.size() < 32) return Status::InvalidArgument("encoding key must have at least 32 bytes");
  if (sodium_init() < 0) return Status::Internal("libsodium failed to start");
  BloomEncoder e;
  e.options_ = options;
  // Derive a fixed-size key so that any key length works with one HMAC key.
  crypto_auth_hmacsha256_state state;
  static const unsigned char kLabel[] = "trm-match-clk-v1";
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(&state, kLabel, sizeof(kLabel) - 1);
  crypto_auth_hmacsha256_final(&state, e.key_.data());
  if (options.balanced) {
    // Keyed Fisher-Yates shuffle of the 1024 output positions.
    e.permutation_.resize(kEncodingBits);
    std::iota(e.permutation_.begin(), e.permutation_.end(), 0);
    for (int i = kEncodingBits - 1; i > 0; --i) {
      const auto h = Hmac(e.key_, "permutation:" + std::to_string(i));
      uint64_t r;
      std::memcpy(&r, h.data(), sizeof(r));
      std::swap(e.permutation_[i], e.permutation_[r % static_cast<uint64_t>(i + 1)]);
    }
  }
  return e;
}

std::string BloomEncoder::Fingerprint() const {
  char opts[64];
  std::snprintf(opts, sizeof(opts), "fingerprint:%d:%d:%d:%d", options_.name_hashes,
                options_.other_hashes, options_.salt_birth_year, options_.balanced);
  const auto h = Hmac(key_, opts);
  std::string hex;
  char buf[3];
  for (int i = 0; i < 8; ++i) {
    std::snprintf(buf, sizeof(buf), "%02x", h[i]);
    hex += buf;
  }
  return hex;
}

void BloomEncoder::AddElement(const std::string& salt, char field, std::string_view element,
                              int hashes, int bits, Encoding* out) const {
  // Positions come two bytes at a time from HMAC(key, salt|field|element|block).
  std::string message = salt;
  message.push_back('\x1f');
  message.push_back(field);
  message.push_back('\x1f');
  message.append(element);
  message.push_back('\x1f');
  int made = 0;
  for (char block = 0; made < hashes; ++block) {
    message.back() = static_cast<char>('0' + block);
    const auto h = Hmac(key_, message);
    for (int k = 0; k + 1 < 32 && made < hashes; k += 2, ++made) {
      const uint16_t v = static_cast<uint16_t>(h[k] | (h[k + 1] << 8));
      SetBit(out, v % bits);
    }
  }
}

Encoding BloomEncoder::Encode(const PreparedRecord& r) const {
  const int bits = options_.balanced ? kEncodingBits / 2 : kEncodingBits;
  Encoding e;
  std::string salt;
  if (options_.salt_birth_year && r.birth.known()) salt = std::to_string(r.birth.year);
  auto bigrams = [&](char field, std::string_view text, int hashes) {
    std::string padded;
    padded.reserve(text.size() + 2);
    padded.push_back('_');
    padded.append(text);
    padded.push_back('_');
    for (size_t i = 0; i + 2 <= padded.size(); ++i) {
      AddElement(salt, field, std::string_view(padded).substr(i, 2), hashes, bits, &e);
    }
  };
  for (int i = 0; i < r.name.count; ++i) {
    if (r.name.optional(i)) continue;
    bigrams('n', r.name.token(i), options_.name_hashes);
    bigrams('p', PhoneticKey(r.name.token(i)), options_.name_hashes / 2);
  }
  if (r.birth.known()) {
    // Year, month and day are separate elements so that a swap or a typo in
    // one leaves the others agreeing; an approximate year only sets the year.
    AddElement(salt, 'y', std::to_string(r.birth.year), options_.other_hashes, bits, &e);
    if (!r.birth.approximate && r.birth.month) {
      AddElement(salt, 'm', std::to_string(r.birth.month), options_.other_hashes, bits, &e);
    }
    if (!r.birth.approximate && r.birth.day) {
      AddElement(salt, 'd', std::to_string(r.birth.day), options_.other_hashes, bits, &e);
    }
  }
  if (r.sex != Sex::kUnknown) {
    AddElement(salt, 's', std::string(1, static_cast<char>('0' + static_cast<int>(r.sex))),
               options_.other_hashes, bits, &e);
  }
  if (!r.place.empty()) bigrams('l', r.place, options_.other_hashes / 2);
  if (!r.document.empty()) bigrams('i', r.document, options_.other_hashes / 2);
  if (!options_.balanced) return e;
  // Balanced: the 512-bit filter, then its complement, under the keyed permutation.
  Encoding out;
  for (int bit = 0; bit < kEncodingBits; ++bit) {
    const int source = bit < bits ? bit : bit - bits;
    const bool set = (e.words[source >> 6] >> (source & 63)) & 1u;
    if (set == (bit < bits)) SetBit(&out, permutation_[bit]);
  }
  return out;
}

double Dice(const Encoding& a, const Encoding& b) {
  int both = 0, pa = 0, pb = 0;
  for (int w = 0; w < kEncodingWords; ++w) {
    both += __builtin_popcountll(a.words[w] & b.words[w]);
    pa += __builtin_popcountll(a.words[w]);
    pb += __builtin_popcountll(b.words[w]);
  }
  return pa + pb == 0 ? 0.0 : 2.0 * both / (pa + pb);
}

}  // namespace trm::match
