#include "match/engine.h"

#include <chrono>
#include <ctime>
#include <fstream>

namespace trm::match {
namespace {

int CurrentYear() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return tm.tm_year + 1900;
}

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Load(const std::string& data_dir, EngineOptions options) {
  std::unique_ptr<Engine> engine(new Engine());
  engine->data_dir_ = data_dir;
  PrepareOptions prepare;
  prepare.reference_year = options.reference_year != 0 ? options.reference_year : CurrentYear();
  ASSIGN_OR_RETURN(engine->preparer_, Preparer::Load(data_dir, prepare));
  const std::string model_path = data_dir + "/model.tsv";
  if (std::ifstream(model_path).good()) {
    ASSIGN_OR_RETURN(engine->model_, Model::Load(model_path));
  } else {
    engine->model_ = Model::Default();
  }
  return engine;
}

}  // namespace trm::match
