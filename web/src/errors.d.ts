/** Every code a failure of the package's functions carries in `KhabarError.code` (README: "code"). */
export type KhabarErrorCode =
  // the core, the same codes as the native library and the CLI
  | 'parse.invalid_json'
  | 'parse.no_article'
  | 'parse.invalid_field'
  | 'parse.unsupported_version'
  | 'input.empty'
  | 'input.invalid_utf8'
  | 'input.too_large'
  | 'input.too_deep'
  | 'input.too_many_blocks'
  | 'input.line_too_long'
  | 'input.html_reader_missing'
  | 'locale.invalid'
  | 'time.invalid'
  | 'option.invalid'
  | 'io.read_failed'
  | 'internal.error'
  // the picture renderer (khabar/image): its fonts
  | 'font.missing'
  | 'font.invalid'
  // the binding and the package's loader
  | 'internal.out_of_memory'
  | 'icu.data_invalid'
  | 'load.fetch_failed'
  | 'load.wasm_failed'
  | 'load.wasm_blocked'
  | 'load.module_conflict';

/** The codes of `<khabar-card>`'s `khabar-error` event: the package's, and the element's own. */
export type KhabarCardErrorCode =
  | KhabarErrorCode
  | 'fetch.http_status'
  | 'fetch.timeout'
  | 'fetch.failed'
  | 'fetch.unsafe_url'
  | 'embed.not_a_card'
  | 'embed.unsafe_markup'
  | 'card.no_article'
  | 'load.module_failed'
  | 'card.failed';
