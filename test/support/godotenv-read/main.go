// Command godotenv-read prints what github.com/joho/godotenv's Read returns for one file, as JSON: the loader the
// godotenv dialect models (test/integration/loader-oracle.test.ts compares the two).
package main

import (
	"encoding/json"
	"os"

	"github.com/joho/godotenv"
)

func main() {
	env, err := godotenv.Read(os.Args[1])
	out := map[string]interface{}{"env": env}
	if err != nil {
		out = map[string]interface{}{"error": err.Error()}
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		os.Exit(1)
	}
}
