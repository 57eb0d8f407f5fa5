using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Roster;
using GongGrid.Simulator;

// Regenerates the sample roster: dotnet run --project tools/SampleRoster -- samples/ngoc-lac.roster.json
// Ngọc Lặc (Thanh Hóa): real commune names, generated villages. Cao Thịnh plays the 22:00 signal on smart
// speakers in all 7 of its villages and keeps its gongs for incidents.
CommunePlan[] communes =
[
    new("Cao Thịnh", 7, SpeakerPeaceSignal: true), new("Ngọc Liên", 14), new("Lam Sơn", 15), new("Minh Sơn", 12),
    new("Nguyệt Ấn", 14), new("Kiên Thọ", 16), new("Phùng Giáo", 13, Overrides: new SignalSettingsOverride { AudibleRadiusMeters = 600 }),
    new("Vân Am", 12), new("Thúy Sơn", 13), new("Ngọc Khê", 11), new("Quang Trung", 14), new("Đồng Thịnh", 12),
    new("Ngọc Trung", 13), new("Phúc Thịnh", 12), new("Mỹ Tân", 11), new("Thạch Lập", 13), new("Ngọc Sơn", 12),
    new("Lộc Thịnh", 11), new("Cao Ngọc", 12), new("Phùng Minh", 13),
];

var roster = SyntheticDistrict.Create("ngoc-lac", "Ngọc Lặc", communes, new GeoPoint(20.08, 105.37), seed: 20_08);
var path = args.Length > 0 ? args[0] : "samples/ngoc-lac.roster.json";
File.WriteAllText(path, RosterJsonWriter.Write(roster));
Console.WriteLine($"{path}: {roster.Communes.Count} communes, {roster.Communes.Sum(c => c.Villages.Count)} villages");
