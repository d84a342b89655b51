// The matching engine's entry point: loads the data files once (romanisation
// tables, honorifics, vocabularies, and a trained model if one is saved) and
// hands out the pieces that use them.
//
//   auto engine = trm::match::Engine::Load("data/match");
//   auto prepared = (*engine)->Prepare(record);       // comparable form
//   trm::match::PersonIndex index(engine->get(), (*engine)->model());
//   trm::match::Dedupe(prepared_records, decisions, options);   // batch.h
//
// Thread-safe after Load.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "match/model.h"
#include "match/preparer.h"

namespace trm::match {

struct EngineOptions {
  // The year in which stated ages were given; 0 means the current year.
  int reference_year = 0;
};

class Engine {
 public:
  // Reads `data_dir` (romanisation tables under translit/, honorifics.tsv,
  // sex.tsv, countries.tsv, name lists) and, if present, `data_dir`/model.tsv.
  // Returns NotFound or InvalidArgument naming the file at fault.
  static Result<std::unique_ptr<Engine>> Load(const std::string& data_dir,
                                              EngineOptions options = {});

  Result<PreparedRecord> Prepare(const Record& record) const { return preparer_->Prepare(record); }
  const Preparer& preparer() const { return *preparer_; }

  // The saved model (model.tsv) or Model::Default().
  const Model& model() const { return model_; }
  const std::string& data_dir() const { return data_dir_; }

 private:
  Engine() = default;
  std::string data_dir_;
  std::unique_ptr<Preparer> preparer_;
  Model model_;
};

}  // namespace trm::match
