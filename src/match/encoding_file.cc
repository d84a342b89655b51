#include "match/encoding_file.h"

#include <sodium.h>

#include <cstring>
#include <sstream>

namespace trm::match {
namespace {

constexpr int kBytes = kEncodingBits / 8;
constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;

bool HeaderValue(const std::string& header, const std::string& name, std::string* value) {
  const std::string key = " " + name + "=";
  const size_t at = header.find(key);
  if (at == std::string::npos) return false;
  const size_t start = at + key.size();
  *value = header.substr(start, header.find(' ', start) - start);
  return true;
}

}  // namespace

Status WriteEncodings(std::ostream* out, const BloomEncoder& encoder,
                      const std::vector<std::string>& ids, const std::vector<Encoding>& encodings) {
  const EncodingOptions& o = encoder.options();
  *out << "trm-clk v1 bits=" << kEncodingBits << " fingerprint=" << encoder.Fingerprint()
       << " name_hashes=" << o.name_hashes << " other_hashes=" << o.other_hashes
       << " salted=" << (o.salt_birth_year ? 1 : 0) << " balanced=" << (o.balanced ? 1 : 0) << "\n";
  char b64[sodium_base64_ENCODED_LEN(kBytes, kVariant)];
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i].find_first_of(",\r\n") != std::string::npos) {
      return Status::InvalidArgument("id contains a comma or line break: record " +
                                     std::to_string(i));
    }
    sodium_bin2base64(b64, sizeof(b64),
                      reinterpret_cast<const unsigned char*>(encodings[i].words.data()), kBytes,
                      kVariant);
    *out << ids[i] << ',' << b64 << '\n';
  }
  if (!*out) return Status::Unavailable("cannot write encodings");
  return Status::Ok();
}

Result<EncodingFile> ReadEncodings(std::istream* in) {
  if (sodium_init() < 0) return Status::Internal("libsodium failed to start");
  EncodingFile file;
  std::string line;
  if (!std::getline(*in, line) || line.rfind("trm-clk v1 ", 0) != 0) {
    return Status::InvalidArgument("encodings line 1: not a trm-clk v1 file");
  }
  std::string bits, value;
  if (!HeaderValue(line, "bits", &bits) || bits != std::to_string(kEncodingBits) ||
      !HeaderValue(line, "fingerprint", &file.fingerprint)) {
    return Status::InvalidArgument("encodings line 1: missing bits or fingerprint");
  }
  if (HeaderValue(line, "name_hashes", &value)) file.options.name_hashes = std::atoi(value.c_str());
  if (HeaderValue(line, "other_hashes", &value)) {
    file.options.other_hashes = std::atoi(value.c_str());
  }
  if (HeaderValue(line, "salted", &value)) file.options.salt_birth_year = value == "1";
  if (HeaderValue(line, "balanced", &value)) file.options.balanced = value == "1";
  int line_no = 1;
  while (std::getline(*in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const size_t comma = line.find(',');
    Encoding e;
    size_t len = 0;
    if (comma == std::string::npos || comma == 0 ||
        sodium_base642bin(reinterpret_cast<unsigned char*>(e.words.data()), kBytes,
                          line.c_str() + comma + 1, line.size() - comma - 1, nullptr, &len, nullptr,
                          kVariant) != 0 ||
        len != kBytes) {
      return Status::InvalidArgument("encodings line " + std::to_string(line_no) +
                                     ": expected id,<base64 of " + std::to_string(kBytes) +
                                     " bytes>");
    }
    file.ids.push_back(line.substr(0, comma));
    file.store.Add(e);
  }
  return file;
}

}  // namespace trm::match
