package config

// Ongoing is the one status that does not end the programme: its people
// were still in it at their exit date (the end of follow-up), so retention
// censors them there, and the "ended" population leaves them out. Every
// other status ends the programme.
const Ongoing = "ongoing"

// Ends reports whether a status ends the programme.
func Ends(status string) bool { return status != Ongoing }

// CompetingExits lists the exits that compete with retention.event: the
// configured retention.competing when the key is given (an empty list
// means none: every other status is censored, plain Kaplan-Meier), else
// every other status that ends the programme, in the order of
// cohort.status.
func (c *Config) CompetingExits() []string {
	r := c.Retention
	if r == nil {
		return nil
	}
	if r.Competing != nil {
		return append([]string{}, r.Competing...)
	}
	out := []string{}
	for _, s := range c.StatusNames() {
		if s != r.Event && Ends(s) {
			out = append(out, s)
		}
	}
	return out
}
