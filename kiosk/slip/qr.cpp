#include "slip/qr.hpp"

#include <qrencode.h>

namespace slip {

QrCode make_qr(const std::string& text) {
  QrCode out;
  if (text.empty()) return out;
  QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
  if (!code) return out;
  out.size = code->width;
  out.modules.resize(static_cast<std::size_t>(code->width * code->width));
  for (std::size_t i = 0; i < out.modules.size(); ++i) out.modules[i] = code->data[i] & 1;
  QRcode_free(code);
  return out;
}

}  // namespace slip
