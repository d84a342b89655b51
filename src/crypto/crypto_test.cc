#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "crypto/crypto.h"
#include "crypto/field_cipher.h"

namespace trm::crypto {
namespace {

class CryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Init().ok()); }
};

TEST_F(CryptoTest, FieldCipherRoundTripsAndBindsThePlace) {
  FieldCipher cipher(RandomBytes(32));
  std::string blob = cipher.Encrypt("សុខា ចាន់", "case:C-1:person");
  EXPECT_EQ(blob.find("សុខា"), std::string::npos);
  auto back = cipher.Decrypt(blob, "case:C-1:person");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, "សុខា ចាន់");
  EXPECT_FALSE(cipher.Decrypt(blob, "case:C-2:person").ok()) << "moved blob decrypted";
}

TEST_F(CryptoTest, FieldCipherDetectsTamperingTruncationAndWrongKey) {
  FieldCipher cipher(RandomBytes(32));
  std::string blob = cipher.Encrypt("secret", "p");
  std::string flipped = blob;
  flipped[30] ^= 1;
  EXPECT_FALSE(cipher.Decrypt(flipped, "p").ok());
  EXPECT_FALSE(cipher.Decrypt(blob.substr(0, 20), "p").ok());
  FieldCipher other(RandomBytes(32));
  EXPECT_FALSE(other.Decrypt(blob, "p").ok());
}

TEST_F(CryptoTest, SamePlaintextEncryptsDifferentlyEachTime) {
  FieldCipher cipher(RandomBytes(32));
  EXPECT_NE(cipher.Encrypt("Mali", "p"), cipher.Encrypt("Mali", "p"));
}

TEST_F(CryptoTest, PasswordsHashWithArgon2idAndVerify) {
  auto h = HashPassword("correct horse battery", PasswordCost::kTest);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(*h, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*h, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword("not a hash", "x"));
}

TEST_F(CryptoTest, TokensAreLongRandomAndUrlSafe) {
  std::string a = NewToken(), b = NewToken();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(a.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(CryptoTest, KeyFileIsCreatedPrivateAndReloaded) {
  char dir[] = "/tmp/trm-key-XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  std::string path = std::string(dir) + "/field.key";
  auto k1 = LoadOrCreateKeyFile(path);
  ASSERT_TRUE(k1.ok());
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto k2 = LoadOrCreateKeyFile(path);
  ASSERT_TRUE(k2.ok());
  EXPECT_EQ(*k1, *k2);
  chmod(path.c_str(), 0644);
  EXPECT_EQ(LoadOrCreateKeyFile(path).status().code(), Code::kFailedPrecondition);
  chmod(path.c_str(), 0600);
  std::ofstream(path, std::ios::app) << "x";
  EXPECT_EQ(LoadOrCreateKeyFile(path).status().code(), Code::kFailedPrecondition);
  unlink(path.c_str());
  rmdir(dir);
}

}  // namespace
}  // namespace trm::crypto
