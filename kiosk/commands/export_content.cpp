// wegwijzer export-content --out DIR [--data DIR | --content DIR]
#include <cstdio>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "content/pack_reader.hpp"
#include "content/pack_writer.hpp"
#include "content/store.hpp"

namespace commands {

int command_export_content(Options& options) {
  std::string out;
  Places places;
  options.describe(
      "Write the device's content (the store under --data) or a checked pack\n"
      "to DIR in the editable file format.");
  options.required("--out", out, "DIR", "the folder to write the files to");
  places.data_option(options, "the device whose store to write out");
  places.content_option(options);
  if (const auto done = options.parse()) return *done;

  std::string error;
  if (places.data) {
    error = content::ContentStore(content::store_path(*places.data)).export_to(out);
  } else {
    PictogramCheck check;
    content::Diagnostics problems;
    const auto pack = content::usable_pack(content::read_files(places.content_dir()), places.content_dir(),
                                           check.options(app::today_iso()), problems);
    if (!pack) {
      for (const auto& problem : problems) std::fprintf(stderr, "%s\n", problem.format().c_str());
      return 1;
    }
    error = content::write_pack(*pack, out);
  }
  if (!error.empty()) {
    std::fprintf(stderr, "wegwijzer: %s\n", error.c_str());
    return 1;
  }
  std::printf("content written to %s\n", out.c_str());
  return 0;
}

}  // namespace commands
