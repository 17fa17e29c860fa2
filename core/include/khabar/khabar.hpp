#pragma once
// The whole public API: bytes -> read_article -> clean -> make_card -> render_*.
#include "khabar/article.hpp"
#include "khabar/card.hpp"
#include "khabar/clean.hpp"
#include "khabar/error.hpp"
#include "khabar/extract.hpp"
#include "khabar/format.hpp"
#include "khabar/language.hpp"
#include "khabar/pipeline.hpp"
#include "khabar/read.hpp"
#include "khabar/render.hpp"
#include "khabar/summarize.hpp"
#include "khabar/version.hpp"
