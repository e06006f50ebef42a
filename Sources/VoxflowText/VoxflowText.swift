/// The text front end: markup, normalization (English, Mandarin), Hanzi → pinyin and the prosody
/// tagger. Pure Swift over Foundation; linked into the text.normalize and prosody.tag plugins and
/// into the CLI's `normalize` and `tag` commands, so every path runs the same code.
public enum VoxflowText {}
