// Synthetic people for the accuracy and speed benchmarks: the same persons
// written in Thai, Lao, Khmer, Burmese, Chinese and Vietnamese script or in
// Latin letters, with typos, spelling variants, swapped name order, titles,
// missing fields and approximate ages. Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <ostream>
#include <vector>

#include "match/record.h"

namespace trm::match::bench {

struct SyntheticOptions {
  size_t persons = 1000;
  double extra_record_rate = 0.5;  // mean number of additional records per person
  uint64_t seed = 1;
  int reference_year = 2025;
  double p_latin = 0.5;        // a record written in Latin letters
  double p_typo = 0.15;        // a typo in a Latin name
  double p_variant = 0.2;      // another common Latin spelling
  double p_swap = 0.25;        // name order swapped
  double p_title = 0.2;        // an honorific added
  double p_drop_given = 0.05;  // only the family name recorded
  double p_no_birth = 0.1;     // no birth date or age
  double p_age_only = 0.15;    // an age instead of a birth date
  double p_birth_error = 0.1;  // day/month swapped, a day off, or a year off
  double p_year_only = 0.05;   // only the birth year
  double p_sex = 0.8;
  double p_document = 0.4;
  double p_document_typo = 0.05;
  double p_phone = 0.4;
  double p_place = 0.7;
  double zipf = 0.7;  // skew of name popularity
};

struct SyntheticData {
  std::vector<Record> records;
  std::vector<uint32_t> person;  // true person of each record
  std::vector<uint8_t> script;   // PoolScript of each record's person
  std::vector<uint8_t> latin;    // 1 when written in Latin letters
};

SyntheticData GenerateSynthetic(const SyntheticOptions& options);

// Header: id,full_name,birth_date,age,sex,citizenship,place,phone,document_number
void WriteSyntheticCsv(const SyntheticData& data, std::ostream& out);

}  // namespace trm::match::bench
