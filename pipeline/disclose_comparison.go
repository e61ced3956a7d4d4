package pipeline

import "github.com/danish-eval/evaluate/models"

// comparisonCells is what the disclosure ledger needs of a comparison:
// both groups, the compared people (units), and the estimate's weights,
// outcomes and times over the units.
type comparisonCells struct {
	both     []group
	units    []unit
	data     models.Comparison
	est      *models.ComparisonResult
	outcomes []models.Outcome
	times    []models.TimeOutcome
}
