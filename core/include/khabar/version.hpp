#pragma once
namespace khabar {
inline constexpr const char* version = "0.1.0";
}
