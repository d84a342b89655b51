// Encryption of personal fields at rest: XChaCha20-Poly1305 (IETF AEAD) under
// one 256-bit key kept in a key file beside (not inside) the database.
//
// Each ciphertext is bound to its place by associated data (e.g. "case:42:person"),
// so a blob copied into another row or column fails to decrypt instead of
// silently showing another person's data.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace trm::crypto {

class FieldCipher {
 public:
  // REQUIRES: key.size() == 32.
  explicit FieldCipher(std::string key);
  ~FieldCipher();
  FieldCipher(const FieldCipher&) = delete;
  FieldCipher& operator=(const FieldCipher&) = delete;

  // Returns nonce (24 bytes) || ciphertext || tag (16 bytes).
  std::string Encrypt(std::string_view plaintext, std::string_view associated) const;
  // Returns the plaintext, or Internal when the blob was altered, truncated,
  // moved to another place, or encrypted under another key.
  Result<std::string> Decrypt(std::string_view blob, std::string_view associated) const;

 private:
  std::string key_;
};

// Reads the 32-byte key at `path`, creating it (mode 0600, fresh random key)
// when it does not exist. Fails with FailedPrecondition when the file exists
// with the wrong size or is readable by group or others.
Result<std::string> LoadOrCreateKeyFile(const std::string& path);

}  // namespace trm::crypto
