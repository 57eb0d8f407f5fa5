using System.CommandLine;
using GongGrid.Storage.Postgres;
using Microsoft.Extensions.Configuration;

namespace GongGrid.Silo.Commands;

/// <summary>
/// <c>db init [--postgres CONNECTION]</c>: creates or upgrades the cluster's PostgreSQL schema and prints the version
/// it is at. Safe to run again, and while silos start (they upgrade the same way, under the same lock). Without
/// --postgres the connection string is GongGrid:Postgres from appsettings.json or GongGrid__Postgres.
/// </summary>
public sealed class DatabaseCommand : Command
{
    public DatabaseCommand()
        : base("db", "Works on the cluster's PostgreSQL database.")
    {
        Subcommands.Add(new InitCommand());
    }

    private sealed class InitCommand : Command
    {
        private readonly Option<string?> _postgres = new("--postgres") { Description = "The Npgsql connection string (GongGrid:Postgres).", HelpName = "CONNECTION" };

        public InitCommand()
            : base("init", "Creates or upgrades the PostgreSQL schema (membership, grain state, reminders); idempotent.")
        {
            Options.Add(_postgres);
            SetAction((parsed, cancellationToken) => RunAsync(parsed, Console.Out, cancellationToken));
        }

        private async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
        {
            var connectionString = parsed.GetValue(_postgres) ?? ConfiguredConnectionString();
            await using var database = PostgresDatabase.Open(connectionString);
            var applied = await PostgresSchema.UpgradeAsync(database, cancellationToken);
            foreach (var file in applied)
            {
                await output.WriteLineAsync($"applied {file.Name}");
            }
            await output.WriteLineAsync($"schema at version {PostgresSchema.NewestVersion}{(applied.Count == 0 ? " (already up to date)" : "")}");
            return 0;
        }

        private static string ConfiguredConnectionString() =>
            new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .Build()["GongGrid:Postgres"] ?? "";
    }
}
