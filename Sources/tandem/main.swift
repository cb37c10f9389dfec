import TandemCLI

Tandem.entry()
