#include "crypto/field_cipher.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cassert>
#include <cerrno>
#include <cstring>

#include "crypto/crypto.h"

namespace trm::crypto {

FieldCipher::FieldCipher(std::string key) : key_(std::move(key)) {
  assert(key_.size() == crypto_aead_xchacha20poly1305_ietf_KEYBYTES && "key must be 32 bytes");
}

FieldCipher::~FieldCipher() { sodium_memzero(key_.data(), key_.size()); }

std::string FieldCipher::Encrypt(std::string_view plaintext, std::string_view associated) const {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string out(kNonce + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(o, kNonce);
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      o + kNonce, &clen, reinterpret_cast<const unsigned char*>(plaintext.data()),
      plaintext.size(), reinterpret_cast<const unsigned char*>(associated.data()),
      associated.size(), nullptr, o, reinterpret_cast<const unsigned char*>(key_.data()));
  out.resize(kNonce + clen);
  return out;
}

Result<std::string> FieldCipher::Decrypt(std::string_view blob,
                                         std::string_view associated) const {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  constexpr size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
  if (blob.size() < kNonce + kTag) return Status::Internal("encrypted field is truncated");
  const auto* b = reinterpret_cast<const unsigned char*>(blob.data());
  std::string out(blob.size() - kNonce - kTag, '\0');
  unsigned long long mlen = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(out.data()), &mlen, nullptr, b + kNonce,
          blob.size() - kNonce, reinterpret_cast<const unsigned char*>(associated.data()),
          associated.size(), b, reinterpret_cast<const unsigned char*>(key_.data())) != 0)
    return Status::Internal("encrypted field failed authentication (altered, moved or wrong key)");
  out.resize(mlen);
  return out;
}

Result<std::string> LoadOrCreateKeyFile(const std::string& path) {
  constexpr size_t kKey = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) {
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return Status::Unavailable("cannot create key file " + path + ": " + strerror(errno));
    std::string key = RandomBytes(kKey);
    bool ok = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) &&
              ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) return Status::Unavailable("cannot write key file " + path);
    return key;
  }
  if (fd < 0) return Status::Unavailable("cannot open key file " + path + ": " + strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || (st.st_mode & 077) != 0) {
    ::close(fd);
    return Status::FailedPrecondition("key file " + path +
                                      " must be readable by its owner only (chmod 600)");
  }
  std::string key(kKey + 1, '\0');
  ssize_t n = ::read(fd, key.data(), key.size());
  ::close(fd);
  if (n != static_cast<ssize_t>(kKey))
    return Status::FailedPrecondition("key file " + path + " must hold exactly 32 bytes");
  key.resize(kKey);
  return key;
}

}  // namespace trm::crypto
