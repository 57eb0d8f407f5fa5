using GongGrid.Silo.Commands;

// GongGrid silo: `demo` (the default) plays a simulated night on the embedded store; `serve` runs the gRPC API;
// the other commands work on a data directory: import a roster, ingest device events, report a night, issue a token.
// Commands/GridCommandLine.cs holds the command tree; each command declares its own options.
return await GridCommandLine.RunAsync(args);
