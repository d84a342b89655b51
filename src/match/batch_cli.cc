#include "match/batch_cli.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <optional>
#include <unordered_map>

#include "match/batch.h"
#include "match/csv.h"
#include "match/decision_book.h"
#include "match/encoded_linkage.h"
#include "match/encoding_file.h"
#include "match/engine.h"
#include "match/parallel.h"
#include "match/record_csv.h"

namespace trm::match {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitRowsSkipped = 3;

const char kUsage[] =
    "usage: trm match dedupe FILE.csv [options]\n"
    "       trm match link A.csv B.csv [options]\n"
    "       trm match encode FILE.csv --key-file KEY [--salt-birth-year] [--balanced]\n"
    "       trm match link-encoded A.clk B.clk [--threshold D] [--all-pairs] [--one-to-one]\n"
    "options: --data-dir DIR  --threads N  --model FILE  --save-model FILE\n"
    "         --decisions FILE  --threshold-same P  --threshold-review P\n"
    "         --one-to-one  --reference-year Y  --max-block N  --report\n";

struct CliOptions {
  std::string command;
  std::vector<std::string> files;
  std::string data_dir = "data/match";
  int threads = 2;
  std::string model_path, save_model_path, decisions_path;
  std::optional<double> threshold_same, threshold_review;
  bool one_to_one = false;
  bool report = false;
  int reference_year = 0;
  int max_block = 300;
  std::string key_file;
  bool salt_birth_year = false, balanced = false, all_pairs = false;
  double dice_threshold = 0.7;
};

bool ParseNumber(const std::string& s, double* out) {
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return !s.empty() && *end == '\0';
}

bool ParseInt(const std::string& s, int* out) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

// Returns an error message, or "" when the arguments are valid.
std::string ParseArgs(const std::vector<std::string>& args, CliOptions* o) {
  if (args.empty()) return "missing command";
  o->command = args[0];
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    double x;
    if (a == "--one-to-one") {
      o->one_to_one = true;
    } else if (a == "--salt-birth-year") {
      o->salt_birth_year = true;
    } else if (a == "--balanced") {
      o->balanced = true;
    } else if (a == "--all-pairs") {
      o->all_pairs = true;
    } else if (a == "--key-file") {
      if (!value(&o->key_file)) return a + " needs a value";
    } else if (a == "--threshold") {
      if (!value(&v) || !ParseNumber(v, &x) || x <= 0 || x > 1) {
        return "--threshold needs a Dice similarity in (0, 1]";
      }
      o->dice_threshold = x;
    } else if (a == "--report") {
      o->report = true;
    } else if (a == "--data-dir") {
      if (!value(&o->data_dir)) return a + " needs a value";
    } else if (a == "--model") {
      if (!value(&o->model_path)) return a + " needs a value";
    } else if (a == "--save-model") {
      if (!value(&o->save_model_path)) return a + " needs a value";
    } else if (a == "--decisions") {
      if (!value(&o->decisions_path)) return a + " needs a value";
    } else if (a == "--threads") {
      if (!value(&v) || !ParseInt(v, &o->threads) || o->threads < 1 || o->threads > 256) {
        return "--threads needs a number from 1 to 256";
      }
    } else if (a == "--max-block") {
      if (!value(&v) || !ParseInt(v, &o->max_block) || o->max_block < 2) {
        return "--max-block needs a number of at least 2";
      }
    } else if (a == "--reference-year") {
      if (!value(&v) || !ParseInt(v, &o->reference_year) || o->reference_year < 1900) {
        return "--reference-year needs a year";
      }
    } else if (a == "--threshold-same" || a == "--threshold-review") {
      if (!value(&v) || !ParseNumber(v, &x) || x <= 0 || x >= 1) {
        return a + " needs a probability between 0 and 1";
      }
      (a == "--threshold-same" ? o->threshold_same : o->threshold_review) = x;
    } else if (a.rfind("--", 0) == 0) {
      return "unknown option " + a;
    } else {
      o->files.push_back(a);
    }
  }
  const bool one_file = o->command == "dedupe" || o->command == "encode";
  const bool two_files = o->command == "link" || o->command == "link-encoded";
  if (!one_file && !two_files) return "unknown command " + o->command;
  if (one_file && o->files.size() != 1) return o->command + " takes one file";
  if (two_files && o->files.size() != 2) return o->command + " takes two files";
  if (o->command == "encode" && o->key_file.empty()) return "encode needs --key-file";
  return "";
}

struct LoadedFile {
  std::vector<Record> records;
  std::vector<PreparedRecord> prepared;
  std::unordered_map<std::string, uint32_t> index;
  size_t skipped = 0;
};

// Reads, validates and prepares one CSV file; reports row errors to `err`.
bool LoadFile(const std::string& path, const Engine& engine, int threads, std::ostream& err,
              LoadedFile* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    err << path << ": cannot open\n";
    return false;
  }
  auto set = ReadRecordsCsv(&in);
  if (!set.ok()) {
    err << path << ": " << set.status().message() << "\n";
    return false;
  }
  std::vector<Result<PreparedRecord>> prepared(set->records.size(),
                                               Status::Internal("not prepared"));
  ParallelChunks(set->records.size(), threads, 256, [&](int, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) prepared[i] = engine.Prepare(set->records[i]);
  });
  std::vector<std::pair<int, std::string>> errors;
  for (const RowError& e : set->errors) errors.push_back({e.line, e.reason});
  for (size_t i = 0; i < set->records.size(); ++i) {
    if (!prepared[i].ok()) {
      const Status& s = prepared[i].status();
      errors.push_back(
          {set->lines[i], s.message() + (s.field().empty() ? "" : " (" + s.field() + ")")});
      continue;
    }
    out->index[set->records[i].id] = static_cast<uint32_t>(out->records.size());
    out->records.push_back(std::move(set->records[i]));
    out->prepared.push_back(std::move(prepared[i]).value());
  }
  std::sort(errors.begin(), errors.end());
  for (const auto& [line, reason] : errors) {
    err << path << ":" << line << ": " << reason << " (row skipped)\n";
  }
  out->skipped = errors.size();
  return true;
}

void PrintReport(std::ostream& err, const TrainingReport& training, const BatchStats& stats,
                 bool trained) {
  if (trained) err << training.ToString();
  err << "candidate pairs: " << stats.candidate_pairs << "\n";
  for (const BlockStats& b : stats.blocks) {
    err << "  rule " << RuleName(b.rule) << ": " << b.pairs << " pairs, " << b.blocks << " blocks, "
        << b.oversize_blocks << " oversize blocks skipped\n";
  }
  char buf[128];
  std::snprintf(buf, sizeof(buf), "seconds: train %.2f, score %.2f, cluster %.2f\n",
                stats.seconds_train, stats.seconds_pairs, stats.seconds_cluster);
  err << buf;
}

// Writes the privacy-preserving encodings of a loaded file.
int RunEncode(const CliOptions& o, const LoadedFile& f, std::ostream& out, std::ostream& err) {
  std::ifstream kf(o.key_file, std::ios::binary);
  if (!kf) {
    err << o.key_file << ": cannot open key file\n";
    return kExitFailed;
  }
  const std::string key((std::istreambuf_iterator<char>(kf)), std::istreambuf_iterator<char>());
  EncodingOptions eo;
  eo.salt_birth_year = o.salt_birth_year;
  eo.balanced = o.balanced;
  auto encoder = BloomEncoder::Create(key, eo);
  if (!encoder.ok()) {
    err << o.key_file << ": " << encoder.status().message() << "\n";
    return kExitFailed;
  }
  std::vector<Encoding> encodings(f.prepared.size());
  ParallelChunks(f.prepared.size(), o.threads, 256, [&](int, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) encodings[i] = encoder->Encode(f.prepared[i]);
  });
  std::vector<std::string> ids;
  for (const Record& r : f.records) ids.push_back(r.id);
  const Status s = WriteEncodings(&out, *encoder, ids, encodings);
  if (!s.ok()) {
    err << "trm match: " << s.message() << "\n";
    return kExitFailed;
  }
  return kExitOk;
}

// Links two encoding files by Dice similarity; writes a_id,b_id,dice.
int RunLinkEncoded(const CliOptions& o, std::ostream& out, std::ostream& err) {
  EncodingFile files[2];
  for (int k = 0; k < 2; ++k) {
    std::ifstream in(o.files[k], std::ios::binary);
    if (!in) {
      err << o.files[k] << ": cannot open\n";
      return kExitFailed;
    }
    auto f = ReadEncodings(&in);
    if (!f.ok()) {
      err << o.files[k] << ": " << f.status().message() << "\n";
      return kExitFailed;
    }
    files[k] = std::move(f).value();
  }
  if (files[0].fingerprint != files[1].fingerprint) {
    err << "trm match: the files were encoded under different keys or options "
        << "(fingerprints " << files[0].fingerprint << " and " << files[1].fingerprint << ")\n";
    return kExitFailed;
  }
  const LshOptions lsh;
  EncodedLinkStats stats;
  const auto links =
      LinkEncodings(files[0].store, files[1].store, static_cast<float>(o.dice_threshold),
                    o.all_pairs ? nullptr : &lsh, o.one_to_one, o.threads, &stats);
  out << "a_id,b_id,dice\n";
  char dice[16];
  for (const EncodedLink& l : links) {
    std::snprintf(dice, sizeof(dice), "%.4f", l.dice);
    out << files[0].ids[l.a] << ',' << files[1].ids[l.b] << ',' << dice << '\n';
  }
  if (o.report) {
    err << "Dice comparisons: " << stats.candidates << "; links: " << links.size() << "\n";
  }
  return kExitOk;
}

}  // namespace

int RunMatchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CliOptions o;
  if (!args.empty() && (args[0] == "help" || args[0] == "--help" || args[0] == "-h")) {
    out << kUsage;
    return kExitOk;
  }
  const std::string problem = ParseArgs(args, &o);
  if (!problem.empty()) {
    err << "trm match: " << problem << "\n" << kUsage;
    return kExitUsage;
  }
  if (o.command == "link-encoded") return RunLinkEncoded(o, out, err);
  EngineOptions engine_options;
  engine_options.reference_year = o.reference_year;
  auto engine = Engine::Load(o.data_dir, engine_options);
  if (!engine.ok()) {
    err << "trm match: " << engine.status().ToString() << "\n";
    return kExitFailed;
  }
  BatchOptions options;
  options.threads = o.threads;
  options.threshold_same = o.threshold_same;
  options.threshold_review = o.threshold_review;
  options.one_to_one = o.one_to_one;
  options.max_block_size = static_cast<size_t>(o.max_block);
  if (!o.model_path.empty()) {
    auto model = Model::Load(o.model_path);
    if (!model.ok()) {
      err << "trm match: " << model.status().ToString() << "\n";
      return kExitFailed;
    }
    options.model = *model;
  }
  DecisionBook decisions;
  if (!o.decisions_path.empty()) {
    std::ifstream in(o.decisions_path, std::ios::binary);
    if (!in) {
      err << o.decisions_path << ": cannot open\n";
      return kExitFailed;
    }
    auto book = DecisionBook::ReadCsv(&in);
    if (!book.ok()) {
      err << o.decisions_path << ": " << book.status().message() << "\n";
      return kExitFailed;
    }
    decisions = std::move(book).value();
  }

  std::vector<LoadedFile> files(o.files.size());
  size_t skipped = 0;
  for (size_t f = 0; f < o.files.size(); ++f) {
    if (!LoadFile(o.files[f], **engine, o.threads, err, &files[f])) return kExitFailed;
    skipped += files[f].skipped;
  }
  if (o.command == "encode") {
    const int rc = RunEncode(o, files[0], out, err);
    return rc != kExitOk ? rc : (skipped > 0 ? kExitRowsSkipped : kExitOk);
  }
  size_t unknown = 0;
  const Model* used_model = nullptr;
  Model model_copy;
  if (o.command == "dedupe") {
    const LoadedFile& f = files[0];
    auto result = Dedupe(f.prepared, decisions.Resolve(f.index, f.index, &unknown), options);
    if (!result.ok()) {
      err << "trm match: " << result.status().ToString() << "\n";
      return kExitFailed;
    }
    out << "id,cluster_id\n";
    for (size_t i = 0; i < f.records.size(); ++i) {
      out << CsvEscape(f.records[i].id) << ',' << CsvEscape(f.records[result->cluster_of[i]].id)
          << '\n';
    }
    if (o.report) PrintReport(err, result->training, result->stats, !options.model.has_value());
    model_copy = result->model;
  } else {
    const LoadedFile& a = files[0];
    const LoadedFile& b = files[1];
    auto result =
        Link(a.prepared, b.prepared, decisions.Resolve(a.index, b.index, &unknown), options);
    if (!result.ok()) {
      err << "trm match: " << result.status().ToString() << "\n";
      return kExitFailed;
    }
    out << "a_id,b_id,score,decision\n";
    char score[32];
    for (const LinkedPair& p : result->pairs) {
      std::snprintf(score, sizeof(score), "%.6f", p.probability);
      out << CsvEscape(a.records[p.a].id) << ',' << CsvEscape(b.records[p.b].id) << ',' << score
          << ',' << DecisionName(p.decision) << '\n';
    }
    if (o.report) PrintReport(err, result->training, result->stats, !options.model.has_value());
    model_copy = result->model;
  }
  used_model = &model_copy;
  if (unknown > 0) err << "trm match: " << unknown << " decisions name ids not in the input\n";
  if (!o.save_model_path.empty()) {
    std::ofstream mf(o.save_model_path, std::ios::binary);
    mf << used_model->Serialize();
    if (!mf) {
      err << o.save_model_path << ": cannot write model\n";
      return kExitFailed;
    }
  }
  out.flush();
  return skipped > 0 ? kExitRowsSkipped : kExitOk;
}

}  // namespace trm::match
