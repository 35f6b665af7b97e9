import ArgumentParser
import Foundation

ClaimScoreCommand.main()
