#include "lib/febrl.h"

#include <fstream>

#include "match/csv.h"
#include "match/partial_date.h"

namespace trm::match::bench {

std::string FebrlEntity(const std::string& rec_id) {
  const size_t a = rec_id.find('-');
  const size_t b = rec_id.find('-', a + 1);
  if (a == std::string::npos || b == std::string::npos) return rec_id;
  return rec_id.substr(a + 1, b - a - 1);
}

Result<LabelledRecords> ReadFebrl(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read " + path);
  CsvReader reader(&in);
  std::vector<std::string> f;
  auto header = reader.Next(&f);
  if (!header.ok() || !*header || f.size() != 11 || f[0] != "rec_id") {
    return Status::InvalidArgument(path + ": not a FEBRL file");
  }
  LabelledRecords out;
  while (true) {
    auto more = reader.Next(&f);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (f.size() != 11) return Status::InvalidArgument(path + ": short row");
    Record r;
    r.id = f[0];
    r.given_name = f[1];
    r.family_name = f[2];
    const std::string& dob = f[9];
    if (dob.size() == 8) {
      const std::string iso = dob.substr(0, 4) + "-" + dob.substr(4, 2) + "-" + dob.substr(6, 2);
      if (ParsePartialDate(iso).ok()) {
        r.birth_date = iso;
      } else if (ParsePartialDate(dob.substr(0, 4)).ok()) {
        r.birth_date = dob.substr(0, 4);
      }
    }
    r.document_number = f[10];
    r.place = f[6];
    out.entity.push_back(FebrlEntity(r.id));
    out.records.push_back(std::move(r));
  }
  return out;
}

}  // namespace trm::match::bench
