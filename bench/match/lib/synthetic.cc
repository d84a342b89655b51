#include "lib/synthetic.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "lib/name_pools.h"
#include "match/csv.h"
#include "match/random.h"

namespace trm::match::bench {
namespace {

constexpr int kScripts = static_cast<int>(PoolScript::kCount);

// Zipf-like sampling over n items.
class Skewed {
 public:
  Skewed(size_t n, double s) : cdf_(n) {
    double sum = 0;
    for (size_t k = 0; k < n; ++k) cdf_[k] = (sum += 1.0 / std::pow(k + 1.0, s));
    for (double& c : cdf_) c /= sum;
  }
  size_t Draw(SplitMix64& rng) const {
    const double x = rng.Unit();
    size_t lo = 0, hi = cdf_.size() - 1;
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      if (cdf_[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

 private:
  std::vector<double> cdf_;
};

struct Person {
  int script;
  std::vector<int> given;   // one part; Burmese: 2-3 syllables; Chinese: 1-2 characters
  std::vector<int> family;  // one part; Thai and Lao: often two joined
  int year, month, day;
  bool male;
  int place;
  std::string document, phone;
};

bool Chance(SplitMix64& rng, double p) { return rng.Unit() < p; }

void Typo(SplitMix64& rng, std::string* s) {
  if (s->size() < 3) return;
  const size_t i = 1 + rng.Below(s->size() - 2);
  switch (rng.Below(4)) {
    case 0:
      (*s)[i] = static_cast<char>('a' + rng.Below(26));
      break;
    case 1:
      s->erase(i, 1);
      break;
    case 2:
      std::swap((*s)[i], (*s)[i - 1]);
      break;
    default:
      s->insert(i, 1, (*s)[i]);
      break;
  }
}

void Variant(SplitMix64& rng, std::string* s) {
  static const std::pair<const char*, const char*> kRules[] = {
      {"ee", "i"}, {"ph", "p"},  {"th", "t"}, {"ou", "u"}, {"oo", "u"}, {"v", "w"},
      {"ch", "j"}, {"ai", "ay"}, {"y", "i"},  {"kh", "k"}, {"x", "s"},  {"w", "v"},
  };
  const size_t start = rng.Below(std::size(kRules));
  for (size_t k = 0; k < std::size(kRules); ++k) {
    const auto& [from, to] = kRules[(start + k) % std::size(kRules)];
    const size_t at = s->find(from, 1);
    if (at != std::string::npos) {
      s->replace(at, std::string(from).size(), to);
      return;
    }
  }
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string RenderName(const Person& p, bool latin, const SyntheticOptions& o, SplitMix64& rng) {
  const ScriptPools& pools = PoolsFor(static_cast<PoolScript>(p.script));
  const bool burmese = p.script == static_cast<int>(PoolScript::kMyanmar);
  const bool chinese = p.script == static_cast<int>(PoolScript::kChinese);
  std::vector<std::string> given_parts;
  for (int g : p.given) {
    given_parts.push_back(latin ? pools.given[g].latin : pools.given[g].native);
  }
  std::string given = Join(given_parts, latin ? " " : "");
  std::vector<std::string> family_parts;
  for (int f : p.family) {
    family_parts.push_back(latin ? pools.family[f].latin : pools.family[f].native);
  }
  std::string family = Join(family_parts, "");
  if (latin && family_parts.size() > 1) {
    for (size_t k = 1; k < family.size(); ++k)
      family[k] = static_cast<char>(std::tolower(family[k]));
  }
  if (latin && chinese && given_parts.size() > 1) {
    given = Join(given_parts, "");
    for (size_t k = 1; k < given.size(); ++k) given[k] = static_cast<char>(std::tolower(given[k]));
  }
  if (latin) {
    std::vector<std::string*> tokens = {&given, &family};
    for (std::string* t : tokens) {
      if (t->empty()) continue;
      if (Chance(rng, o.p_variant)) Variant(rng, t);
      if (Chance(rng, o.p_typo)) Typo(rng, t);
    }
  }
  if (!burmese && !family.empty() && Chance(rng, o.p_drop_given)) given.clear();
  const bool family_first = pools.family_first != Chance(rng, latin ? o.p_swap : o.p_swap / 3);
  const char* sep = (!latin && chinese) ? "" : " ";
  std::string name = family_first ? Join({family, given}, sep) : Join({given, family}, sep);
  if (Chance(rng, o.p_title) && !chinese) {
    const auto& titles = p.male ? pools.male_titles : pools.female_titles;
    const NameForm& t = titles[rng.Below(titles.size())];
    const bool attached = !latin && (p.script == static_cast<int>(PoolScript::kThai) ||
                                     p.script == static_cast<int>(PoolScript::kLao) || burmese);
    name = std::string(latin ? t.latin : t.native) + (attached ? "" : " ") + name;
  }
  return name;
}

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

SyntheticData GenerateSynthetic(const SyntheticOptions& o) {
  SplitMix64 rng(o.seed);
  SyntheticData data;
  std::vector<Skewed> given_dist, family_dist;
  for (int s = 0; s < kScripts; ++s) {
    const ScriptPools& pools = PoolsFor(static_cast<PoolScript>(s));
    given_dist.emplace_back(pools.given.size(), o.zipf);
    family_dist.emplace_back(std::max<size_t>(1, pools.family.size()), o.zipf);
  }
  char buf[64];
  for (size_t id = 0; id < o.persons; ++id) {
    Person p;
    p.script = static_cast<int>(rng.Below(kScripts));
    const ScriptPools& pools = PoolsFor(static_cast<PoolScript>(p.script));
    auto draw_given = [&] { return static_cast<int>(given_dist[p.script].Draw(rng)); };
    auto draw_family = [&] { return static_cast<int>(family_dist[p.script].Draw(rng)); };
    if (p.script == static_cast<int>(PoolScript::kMyanmar)) {
      const int n = 2 + static_cast<int>(rng.Below(2));
      for (int k = 0; k < n; ++k) p.given.push_back(draw_given());
    } else if (p.script == static_cast<int>(PoolScript::kChinese)) {
      // Two-character given names from one-character entries (3 UTF-8 bytes).
      p.given.push_back(draw_given());
      if (Chance(rng, 0.6) && std::strlen(pools.given[p.given[0]].native) == 3) {
        int second;
        do {
          second = draw_given();
        } while (std::strlen(pools.given[second].native) != 3);
        p.given.push_back(second);
      }
      p.family.push_back(draw_family());
    } else {
      p.given.push_back(draw_given());
      p.family.push_back(draw_family());
      const bool compound = p.script == static_cast<int>(PoolScript::kThai) ||
                            p.script == static_cast<int>(PoolScript::kLao);
      if (compound && Chance(rng, 0.6)) p.family.push_back(draw_family());
    }
    p.year = 1950 + static_cast<int>(rng.Below(58));
    p.month = 1 + static_cast<int>(rng.Below(12));
    p.day = 1 + static_cast<int>(rng.Below(DaysIn(p.year, p.month)));
    p.male = Chance(rng, 0.5);
    p.place = static_cast<int>(rng.Below(pools.places.size()));
    std::snprintf(buf, sizeof(buf), "%s%08llu", pools.country,
                  static_cast<unsigned long long>(rng.Below(100000000)));
    p.document = buf;
    std::snprintf(buf, sizeof(buf), "0%09llu",
                  static_cast<unsigned long long>(rng.Below(1000000000)));
    p.phone = buf;

    // 1 + a geometric number of further records.
    size_t copies = 1;
    const double q = o.extra_record_rate / (1.0 + o.extra_record_rate);
    while (Chance(rng, q) && copies < 8) ++copies;
    for (size_t c = 0; c < copies; ++c) {
      Record r;
      std::snprintf(buf, sizeof(buf), "r%zu-%zu", id, c);
      r.id = buf;
      const bool latin = Chance(rng, o.p_latin);
      r.full_name = RenderName(p, latin, o, rng);
      if (!Chance(rng, o.p_no_birth)) {
        if (Chance(rng, o.p_age_only)) {
          r.age = o.reference_year - p.year - static_cast<int>(rng.Below(2));
        } else {
          int y = p.year, m = p.month, d = p.day;
          if (Chance(rng, o.p_birth_error)) {
            switch (rng.Below(3)) {
              case 0:
                if (d <= 12) std::swap(m, d);
                break;
              case 1:
                d = d > 1 ? d - 1 : d + 1;
                break;
              default:
                y += rng.Below(2) ? 1 : -1;
                break;
            }
            d = std::min(d, DaysIn(y, m));  // 29 February moved to a common year
          }
          if (Chance(rng, o.p_year_only)) {
            std::snprintf(buf, sizeof(buf), "%04d", y);
          } else {
            std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
          }
          r.birth_date = buf;
        }
      }
      if (Chance(rng, o.p_sex)) r.sex = p.male ? "m" : "f";
      r.citizenship = pools.country;
      if (Chance(rng, o.p_place)) {
        r.place = latin ? pools.places[p.place].latin : pools.places[p.place].native;
      }
      if (Chance(rng, o.p_phone)) r.phone = p.phone;
      if (Chance(rng, o.p_document)) {
        r.document_number = p.document;
        if (Chance(rng, o.p_document_typo)) {
          r.document_number[3 + rng.Below(r.document_number.size() - 3)] =
              static_cast<char>('0' + rng.Below(10));
        }
      }
      data.records.push_back(std::move(r));
      data.person.push_back(static_cast<uint32_t>(id));
      data.script.push_back(static_cast<uint8_t>(p.script));
      data.latin.push_back(latin ? 1 : 0);
    }
  }
  return data;
}

void WriteSyntheticCsv(const SyntheticData& data, std::ostream& out) {
  out << "id,full_name,birth_date,age,sex,citizenship,place,phone,document_number\n";
  for (const Record& r : data.records) {
    out << CsvEscape(r.id) << ',' << CsvEscape(r.full_name) << ',' << r.birth_date << ','
        << (r.age ? std::to_string(*r.age) : "") << ',' << r.sex << ',' << r.citizenship << ','
        << CsvEscape(r.place) << ',' << r.phone << ',' << CsvEscape(r.document_number) << '\n';
  }
}

}  // namespace trm::match::bench
