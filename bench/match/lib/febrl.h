// Reading the FEBRL synthetic data sets (rec_id, given_name, surname,
// street_number, address_1, address_2, suburb, postcode, state,
// date_of_birth, soc_sec_id) into match Records, and their true links: records
// "rec-N-org" and "rec-N-dup-K" describe the same person N.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "match/record.h"

namespace trm::match::bench {

struct LabelledRecords {
  std::vector<Record> records;
  std::vector<std::string> entity;  // the person each record describes
};

// Maps given_name, surname, date_of_birth (YYYYMMDD; an impossible date keeps
// only its year, a bad year drops it), soc_sec_id -> document_number, and
// suburb -> place. Address fields are not used.
Result<LabelledRecords> ReadFebrl(const std::string& path);

// The person id in a FEBRL rec_id: "rec-1070-dup-0" -> "1070".
std::string FebrlEntity(const std::string& rec_id);

}  // namespace trm::match::bench
