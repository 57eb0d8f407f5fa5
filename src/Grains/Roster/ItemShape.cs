namespace GongGrid.Grains.Roster;

/// <summary>How to read one kind of object listed in an array: its allowed fields (slug first) and reader.</summary>
/// <param name="What">For messages: "a village".</param>
/// <param name="SlugWhat">For duplicate messages: "village slug".</param>
internal sealed record ItemShape<T>(string What, string SlugWhat, string[] Fields, Func<RosterObject, T> Read, Func<T, string> SlugOf);
