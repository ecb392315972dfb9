//go:build race

package pipeline_test

// raceEnabled is true under -race, where sync.Pool drops items at random
// and allocation counts stop meaning anything.
const raceEnabled = true
