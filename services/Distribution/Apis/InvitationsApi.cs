using System.Security.Claims;
using System.Text;
using Medborgare.Contracts;
using Medborgare.Distribution.Infrastructure;
using Medborgare.Distribution.Model;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Medborgare.ApiContracts.Distribution.DistributionErrorCodes;

namespace Medborgare.Distribution.Apis;

/// <summary>Invitations (one personal code per sampled person), letters, the print house's file, and reminders.</summary>
public static class InvitationsApi
{
    internal const string CodeProtectorPurpose = "Medborgare.Distribution.InvitationCodes";

    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/surveys/{id:guid}").WithTags("Invitations").RequireAuthorization(StaffPolicies.Analyst);

        api.MapPost("/invitations", IssueInvitations).WithName("IssueInvitations")
            .WithSummary("Create one code per sampled person and announce the code hashes (never the codes) to Collection");
        api.MapGet("/invitations/print-file", PrintFile).WithName("GetPrintFile")
            .WithSummary("The print house's CSV (UTF-8 with BOM, ';'): name, address, code and municipality per letter; ?round=1|2 for a reminder round");
        api.MapGet("/letters", Letters).WithName("GetLetters").WithSummary("Name, address and code per letter, for printable letters");
        api.MapPost("/reminders", SendReminderRound).WithName("SendReminderRound")
            .WithSummary("Start the next reminder round (at most two); it goes to those who have not answered");

        return app;
    }

    static async Task<Results<Ok<IssueResult>, NotFound, ProblemHttpResult>> IssueInvitations(
        Guid id, HttpContext http, DistributionDbContext db, IDataProtectionProvider protection, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return TypedResults.NotFound();
        if (survey.Status == SurveyStatus.Closed)
            return Problem(http, "survey-closed", new("Enkäten är stängd", "The survey is closed"), new("Inbjudningar kan inte skapas för en stängd enkät.", "Invitations cannot be issued for a closed survey."));
        var pending = await db.FrameEntries.Where(f => f.SurveyId == id && f.Sampled)
            .Where(f => !db.Invitations.Any(i => i.FrameEntryId == f.Id))
            .OrderBy(f => f.Ordinal).Select(f => new { f.Id, f.District, f.Sex, f.AgeGroup }).ToListAsync(ct);
        if (pending.Count == 0 && !await db.Samples.AnyAsync(s => s.SurveyId == id, ct))
        {
            return Problem(http, "no-sample", new("Inget urval", "No sample"), new("Dra urvalet innan inbjudningarna skapas.", "Draw the sample before issuing invitations."));
        }

        var protector = protection.CreateProtector(CodeProtectorPurpose);
        var validUntil = survey.AnswerBy ?? new DateOnly(survey.Year, 12, 31);
        var issued = new List<IssuedInvitation>(pending.Count);
        foreach (var person in pending)
        {
            var code = InvitationCode.Generate();
            InvitationCode.Check(code, out var normalized);
            var hash = InvitationCode.Hash(normalized, survey.CodeSalt);
            db.Invitations.Add(new Invitation
            {
                Id = Guid.NewGuid(), SurveyId = id, FrameEntryId = person.Id, ProtectedCode = protector.Protect(normalized), CodeHash = hash,
                District = person.District, Sex = person.Sex, AgeGroup = person.AgeGroup,
            });
            issued.Add(new IssuedInvitation
            {
                CodeHash = hash, ValidUntil = validUntil,
                Stratum = new Stratum { District = person.District, Sex = person.Sex, AgeGroup = person.AgeGroup },
            });
        }
        if (issued.Count > 0)
        {
            // Large samples travel in several messages, so no single message grows without bound.
            foreach (var chunk in issued.Chunk(2000))
            {
                db.AddToOutbox(new InvitationsIssued { SurveyId = id, CodeSalt = survey.CodeSalt, Invitations = chunk }, clock);
            }
            db.Audit(user, id, "invitations.issued", $"{issued.Count} invitations", clock);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(new IssueResult(issued.Count, await db.Invitations.CountAsync(i => i.SurveyId == id, ct)));
    }

    static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> PrintFile(
        Guid id, int? round, HttpContext http, DistributionDbContext db, IDataProtectionProvider protection, IConfiguration configuration,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        if (round is < 0 or > 2) return CodedProblems.Validation(http, "round", new(ReminderRoundInvalid, "Påminnelseomgången är 1 eller 2.", "The reminder round is 1 or 2."));
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return TypedResults.NotFound();
        if (survey.PurgedAt is not null) return Purged(http);

        var letters = await LettersAsync(db, protection, id, round ?? 0, ct);
        var address = AnswerAddress(configuration);
        var municipality = Csv(configuration["Municipality:Name"] ?? "");
        var csv = new StringBuilder();
        csv.Append("namn;adress;postnummer;ort;kod;webbadress;kommun\r\n");
        foreach (var l in letters)
        {
            csv.Append(Csv(l.Name)).Append(';').Append(Csv(l.Address)).Append(';').Append(Csv(l.PostalCode)).Append(';')
               .Append(Csv(l.Town)).Append(';').Append(l.Code).Append(';').Append(Csv($"{address}?kod={l.Code.Replace("-", "")}"))
               .Append(';').Append(municipality).Append("\r\n");
        }
        db.Audit(user, id, "export.print-file", $"round {round ?? 0}, {letters.Count} letters", clock);
        await db.SaveChangesAsync(ct);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        var name = round is > 0 ? $"paminnelse-{round}-{survey.Year}.csv" : $"utskick-{survey.Year}.csv";
        return TypedResults.File(bytes, "text/csv; charset=utf-8", name);
    }

    static async Task<Results<Ok<IReadOnlyList<Letter>>, NotFound, ProblemHttpResult>> Letters(
        Guid id, int? round, HttpContext http, DistributionDbContext db, IDataProtectionProvider protection, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return TypedResults.NotFound();
        if (survey.PurgedAt is not null) return Purged(http);
        var letters = await LettersAsync(db, protection, id, round ?? 0, ct);
        db.Audit(user, id, "export.letters", $"round {round ?? 0}, {letters.Count} letters", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(letters);
    }

    static async Task<Results<Ok<ReminderResult>, NotFound, ProblemHttpResult>> SendReminderRound(
        Guid id, HttpContext http, DistributionDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return TypedResults.NotFound();
        if (survey.Status != SurveyStatus.Published) return Problem(http, "survey-not-open", new("Enkäten är inte öppen", "The survey is not open"), new("Påminnelser skickas medan enkäten är öppen.", "Reminders go out while the survey is open."));
        var done = await db.Invitations.Where(i => i.SurveyId == id).MaxAsync(i => (int?)i.RemindersSent, ct) ?? 0;
        if (done >= 2) return Problem(http, "reminders-done", new("Båda påminnelseomgångarna är gjorda", "Both reminder rounds are done"), new("En enkät har två påminnelseomgångar.", "A survey has two reminder rounds."));
        var round = done + 1;
        var recipients = await db.Invitations.Where(i => i.SurveyId == id && i.AnsweredOn == null && i.RemindersSent == done)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RemindersSent, round), ct);
        db.Audit(user, id, "reminders.started", $"round {round}, {recipients} recipients", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ReminderResult(round, recipients));
    }

    /// <summary>Round 0: every letter. Round 1 or 2: the non-responders included in that reminder round.</summary>
    static async Task<IReadOnlyList<Letter>> LettersAsync(DistributionDbContext db, IDataProtectionProvider protection, Guid id, int round, CancellationToken ct)
    {
        var protector = protection.CreateProtector(CodeProtectorPurpose);
        var query = db.Invitations.Where(i => i.SurveyId == id && i.ProtectedCode != null);
        if (round > 0) query = query.Where(i => i.AnsweredOn == null && i.RemindersSent >= round);
        var rows = await query.Join(db.FrameEntries, i => i.FrameEntryId, f => f.Id, (i, f) => new { f.Ordinal, f.Name, f.Address, f.PostalCode, f.Town, i.ProtectedCode })
            .OrderBy(r => r.Ordinal).ToListAsync(ct);
        return rows.Select(r => new Letter(r.Name, r.Address, r.PostalCode, r.Town, InvitationCode.Format(protector.Unprotect(r.ProtectedCode!)))).ToList();
    }

    internal static string AnswerAddress(IConfiguration configuration) =>
        (configuration["Municipality:AnswerUrl"] ?? "http://127.0.0.1:5080/svara").TrimEnd('/');

    /// <summary>Quotes a field for the CSV, and defuses spreadsheet formulas (a name starting with = + - @).</summary>
    static string Csv(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    static ProblemHttpResult Problem(HttpContext http, string type, ServiceText title, ServiceText detail) =>
        CodedProblems.Problem(http, StatusCodes.Status409Conflict, type, title, detail);

    static ProblemHttpResult Purged(HttpContext http) => Problem(http, "purged",
        new("Personuppgifterna är gallrade", "Personal data has been purged"),
        new("Namn, adresser och koder raderades efter att enkäten stängdes.", "Names, addresses and codes were deleted after the survey closed."));
}
