import ArgumentParser
import ClaimScoreCLI

ClaimScoreCommand.main()
