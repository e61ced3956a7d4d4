package config

import (
	"errors"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// lineMap ties each line of the document that applyOverrides wrote to
// where its text came from: a --set key, or a line of the user's file.
// Errors found in the rewritten document are worded with it, since a line
// number of a document the user never saw would send them looking in the
// wrong place.
type lineMap struct {
	key  map[int]string // line → "--set KEY" for text an override wrote
	file map[int]int    // line → the line of the config file
}

// newLineMap pairs the edited tree (whose nodes keep the lines they had in
// the file, and whose nodes written by an override are in owner) with the
// same tree parsed back from doc, the text it was written as.
func newLineMap(edited *yaml.Node, owner map[*yaml.Node]string, doc []byte) lineMap {
	m := lineMap{key: map[int]string{}, file: map[int]int{}}
	var written yaml.Node
	if yaml.Unmarshal(doc, &written) != nil {
		return m
	}
	m.pair(edited, &written, owner, "")
	return m
}

// pair walks the two trees together. A node an override wrote, and all
// below it that no later override wrote, belongs to that override's key.
func (m lineMap) pair(edited, written *yaml.Node, owner map[*yaml.Node]string, key string) {
	if k, ok := owner[edited]; ok {
		key = k
	}
	switch {
	case key != "":
		m.key[written.Line] = key
	case edited.Line > 0:
		if _, ok := m.file[written.Line]; !ok {
			m.file[written.Line] = edited.Line
		}
	}
	if len(edited.Content) != len(written.Content) {
		return // not the same shape: leave the rest unmapped
	}
	for i := range edited.Content {
		m.pair(edited.Content[i], written.Content[i], owner, key)
	}
}

var lineRef = regexp.MustCompile(`line (\d+): `)

// reword replaces "line N: " in err's message by "--set KEY: " when an
// override wrote line N, or by the line of the file it came from.
func (m lineMap) reword(err error) error {
	if err == nil || (len(m.key) == 0 && len(m.file) == 0) {
		return err
	}
	msg := lineRef.ReplaceAllStringFunc(err.Error(), func(s string) string {
		n, _ := strconv.Atoi(lineRef.FindStringSubmatch(s)[1])
		if key, ok := m.key[n]; ok {
			return "--set " + key + ": "
		}
		if l, ok := m.file[n]; ok {
			return "line " + strconv.Itoa(l) + ": "
		}
		return s
	})
	return errors.New(msg)
}
