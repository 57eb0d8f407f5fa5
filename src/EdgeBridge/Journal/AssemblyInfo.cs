using System.Runtime.CompilerServices;

// The record format and the crash-recovery tests reach inside the journal to corrupt and check its files.
[assembly: InternalsVisibleTo("GongGrid.EdgeBridge.Tests")]
