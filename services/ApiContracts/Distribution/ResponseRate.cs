namespace Medborgare.ApiContracts.Distribution;

// Svarsfrekvens (/api/surveys/{id}/response-rate): rates are percentages with one decimal.

public sealed record RateRow(string Label, int Invited, int Answered, double Rate);

public sealed record DayRow(DateOnly Day, int Answered, int Cumulative, double Rate);

public sealed record ResponseRate(int Invited, int Answered, double Rate, int RemindersSent, IReadOnlyList<RateRow> ByDistrict,
    IReadOnlyList<RateRow> BySex, IReadOnlyList<RateRow> ByAgeGroup, IReadOnlyList<DayRow> ByDay);
