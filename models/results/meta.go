package results

// Meta is what the methods page says about how the report was made.
type Meta struct {
	Version      string
	ConfigFile   string
	ConfigSHA256 string
	InputFile    string
	InputSHA256  string
	// InputEncoding is the character set a CSV was read in: "utf-8",
	// "windows-1252" or "utf-16"; "" for a workbook.
	InputEncoding string
	Definitions   []Definition // the config's rules, in order
	Overrides     []string     // --set key=value, in order
}

// Definition is one rule of the cohort config, shown in words.
type Definition struct{ Name, Rule string }
