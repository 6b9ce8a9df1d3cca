using System.Security.Claims;
using Medborgare.ApiContracts.Collection;
using Medborgare.Collection.Answering;
using Medborgare.Collection.Cases;
using Medborgare.Collection.Feedback;
using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Medborgare.ApiContracts.Collection.CollectionErrorCodes;

namespace Medborgare.Collection.Apis;

/// <summary>Staff: synpunkter as cases (synpunktshantering). Caseworkers see their own committees' cases; analysts and administrators all.</summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(StaffPolicies.Cases);
        api.MapGet("/", ListAsync).WithName("ListCases").WithSummary("Cases, newest first, by committee, status, goal area or overdue");
        api.MapGet("/committees", CommitteesAsync).WithName("ListCommittees").WithSummary("The committees from the goal chain, and the response time");
        api.MapGet("/timeliness", TimelinessAsync).WithName("CaseTimeliness").WithSummary("Share answered in time, by committee, month and goal area");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetCase").WithSummary("One case with its e-mails and audit trail");
        api.MapPost("/", RegisterAsync).WithName("RegisterCase").WithSummary("Register a synpunkt that came by letter, phone, visit or e-mail")
            .WithBodyLimit(64 * 1024);
        api.MapPost("/{id:guid}/assign", AssignAsync).WithName("AssignCase").WithSummary("Route the case to a committee, and optionally a person");
        api.MapPost("/{id:guid}/answer", AnswerAsync).WithName("AnswerCase").WithSummary("Answer; optionally e-mail the answer to the resident")
            .WithBodyLimit(64 * 1024);
        api.MapPost("/{id:guid}/close", CloseAsync).WithName("CloseCase").WithSummary("Close an answered case");
        api.MapPost("/{id:guid}/reopen", ReopenAsync).WithName("ReopenCase").WithSummary("Open a closed case again");
        api.MapPost("/{id:guid}/publish", PublishAsync).WithName("PublishCase").WithSummary("Publish or withdraw the answer on \"Du sa – vi gjorde\"");
        return app;
    }

    static async Task<Results<Ok<CaseList>, ProblemHttpResult>> ListAsync(string? committee, CaseStatus? status, string? goalArea, bool? overdue,
        int? page, int? pageSize, ClaimsPrincipal user, HttpContext http, CollectionDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var access = CaseAccess.Of(user);
        if (committee is not null && !access.MaySee(committee)) return NotYours(http);
        var today = SwedishCalendar.DayInSweden(clock.GetUtcNow());
        var query = db.Feedback.AsNoTracking();
        if (!access.SeesAll) query = query.Where(f => f.Committee != null && access.Committees!.Contains(f.Committee));
        if (committee is not null) query = query.Where(f => f.Committee == committee);
        if (status is not null) query = query.Where(f => f.Status == status);
        if (goalArea is not null) query = query.Where(f => f.GoalArea == goalArea);
        if (overdue == true) query = query.Where(f => f.AnsweredAt == null && f.Status != CaseStatus.Closed && f.DueDate < today);
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var number = Math.Max(1, page ?? 1);
        var total = await query.CountAsync(ct);
        var rows = await (overdue == true ? query.OrderBy(f => f.DueDate).ThenBy(f => f.ReceivedAt) : query.OrderByDescending(f => f.ReceivedAt))
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new CaseList([.. rows.Select(f => f.ToSummary(today))], total, number, size));
    }

    static async Task<Ok<CommitteeList>> CommitteesAsync(CollectionDbContext db, IConfiguration configuration, IOptions<CaseOptions> options, CancellationToken ct)
    {
        var municipality = configuration["Municipality:Code"] ?? "0000";
        var routes = await db.CommitteeRoutes.AsNoTracking().Where(r => r.MunicipalityCode == municipality).OrderBy(r => r.GoalArea).ToListAsync(ct);
        var inUse = await db.Feedback.AsNoTracking().Where(f => f.Committee != null).Select(f => f.Committee!).Distinct().ToListAsync(ct);
        var names = routes.Select(r => r.Committee).Concat(options.Value.CategoryCommittees.Values).Append(options.Value.DefaultCommittee).Concat(inUse)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false)).ToList();
        return TypedResults.Ok(new CommitteeList(names, [.. routes.Select(r => new ApiContracts.Collection.CommitteeRoute(r.GoalArea, r.GoalAreaTitle, r.Committee, r.ChangedAt))],
            options.Value.DefaultCommittee, options.Value.ResponseWorkingDays));
    }

    static async Task<Results<Ok<TimelinessReport>, ValidationProblem>> TimelinessAsync(DateOnly? from, DateOnly? to, ClaimsPrincipal user,
        HttpContext http, CollectionDbContext db, IOptions<CaseOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var today = SwedishCalendar.DayInSweden(clock.GetUtcNow());
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (start > end || end.DayNumber - start.DayNumber > 3660)
            return CodedProblems.Validation(http, "from", new(ReceivedAtInvalid, "Välj en period på högst tio år där början är före slutet.",
                "Choose a period of at most ten years that starts before it ends."));
        var access = CaseAccess.Of(user);
        var query = db.Feedback.AsNoTracking();
        if (!access.SeesAll) query = query.Where(f => f.Committee != null && access.Committees!.Contains(f.Committee));
        var rows = await query.Select(f => new CaseTimes(f.Committee, f.GoalArea, f.ReceivedAt, f.DueDate, f.AnsweredAt, f.WorkingDaysTaken, f.Status))
            .ToListAsync(ct);
        return TypedResults.Ok(Timeliness.Report(rows, start, end, today, options.Value.ResponseWorkingDays));
    }

    static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, HttpContext http, CollectionDbContext db,
        IOptions<CaseOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var feedback = await LoadAsync(db, id, CaseAccess.Of(user), ct);
        return feedback is null ? NotFound(http) : TypedResults.Ok(await DetailAsync(db, feedback, options.Value, clock, ct));
    }

    static async Task<Results<Created<CaseDetail>, ValidationProblem>> RegisterAsync(RegisterCaseRequest request, ClaimsPrincipal user,
        HttpContext http, CollectionDbContext db, CaseIntake intake, IConfiguration configuration, IOptions<CaseOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = FeedbackApi.Check(request.Category, request.GoalArea, request.District, request.Text, request.Contact, request.ContactConsent);
        var now = clock.GetUtcNow();
        if (!Enum.IsDefined(request.Channel) || request.Channel == CaseChannel.Web)
            errors["channel"] = [new(ChannelInvalid, "Välj hur synpunkten kom in.", "Choose how the feedback arrived.")];
        if (request.ReceivedAt is { } received && (received > now.AddMinutes(5) || received < now.AddYears(-2)))
            errors["receivedAt"] = [new(ReceivedAtInvalid, "Datumet får inte ligga i framtiden eller mer än två år tillbaka.",
                "The date may not be in the future or more than two years back.")];
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);

        var access = CaseAccess.Of(user);
        var feedback = new CitizenFeedback
        {
            Id = Guid.NewGuid(), MunicipalityCode = configuration["Municipality:Code"] ?? "0000", Category = request.Category!, GoalArea = request.GoalArea,
            District = FeedbackApi.Clean(request.District), MaskedText = PersonalDataMasker.Mask(request.Text!.Trim()), ReceivedAt = request.ReceivedAt?.ToUniversalTime() ?? now,
            ContactName = request.ContactConsent ? FeedbackApi.Clean(request.Contact?.Name) : null,
            ContactEmail = request.ContactConsent ? FeedbackApi.Clean(request.Contact?.Email) : null,
            ContactPhone = request.ContactConsent ? FeedbackApi.Clean(request.Contact?.Phone) : null,
            Receipt = "", Channel = request.Channel,
        };
        await intake.OpenAsync(feedback, access.Actor, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cases/{feedback.Id}", await DetailAsync(db, feedback, options.Value, clock, ct));
    }

    static Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> AssignAsync(Guid id, AssignCaseRequest request, ClaimsPrincipal user,
        HttpContext http, CollectionDbContext db, CaseWork work, IOptions<CaseOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var committee = FeedbackApi.Clean(request.Committee);
        var assignee = FeedbackApi.Clean(request.AssignedTo);
        var errors = new Dictionary<string, FieldError[]>();
        if (committee is null) errors["committee"] = [new(CommitteeRequired, "Välj en nämnd.", "Choose a committee.")];
        else if (committee.Length > 200) errors["committee"] = [new(CommitteeTooLong, "Nämndens namn får vara högst 200 tecken.", "The committee's name may be at most 200 characters.")];
        if (assignee is { Length: > 200 }) errors["assignedTo"] = [new(AssigneeTooLong, "Namnet får vara högst 200 tecken.", "The name may be at most 200 characters.")];
        return ChangeAsync(id, errors, (f, actor) => work.Assign(f, committee!, assignee, actor), user, http, db, options, clock, ct);
    }

    static Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> AnswerAsync(Guid id, AnswerCaseRequest request, ClaimsPrincipal user,
        HttpContext http, CollectionDbContext db, CaseWork work, IOptions<CaseOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, FieldError[]>();
        if (string.IsNullOrWhiteSpace(request.Answer)) errors["answer"] = [new(AnswerRequired, "Skriv svaret.", "Write the answer.")];
        else if (request.Answer.Length > 10000) errors["answer"] = [new(TextTooLong, "Svaret får vara högst 10 000 tecken.", "The answer may be at most 10,000 characters.")];
        else if (AnswerValidator.TextProblem(request.Answer) is { } problem) errors["answer"] = [problem];
        return ChangeAsync(id, errors, (f, actor) => work.Answer(f, request.Answer!.Trim(), request.SendEmail, actor), user, http, db, options, clock, ct);
    }

    static Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> CloseAsync(Guid id, ClaimsPrincipal user, HttpContext http,
        CollectionDbContext db, CaseWork work, IOptions<CaseOptions> options, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, [], work.Close, user, http, db, options, clock, ct);

    static Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> ReopenAsync(Guid id, ClaimsPrincipal user, HttpContext http,
        CollectionDbContext db, CaseWork work, IOptions<CaseOptions> options, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, [], work.Reopen, user, http, db, options, clock, ct);

    static Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> PublishAsync(Guid id, PublishCaseRequest request, ClaimsPrincipal user,
        HttpContext http, CollectionDbContext db, CaseWork work, IOptions<CaseOptions> options, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, [], (f, actor) => work.Publish(f, request.Publish, actor), user, http, db, options, clock, ct);

    static async Task<Results<Ok<CaseDetail>, ValidationProblem, ProblemHttpResult>> ChangeAsync(Guid id, Dictionary<string, FieldError[]> errors,
        Func<CitizenFeedback, string, CaseRefusal> change, ClaimsPrincipal user, HttpContext http, CollectionDbContext db, IOptions<CaseOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);
        var access = CaseAccess.Of(user);
        var feedback = await LoadAsync(db, id, access, ct, tracking: true);
        if (feedback is null) return NotFound(http);
        var refusal = change(feedback, access.Actor);
        if (refusal == CaseRefusal.NoEmail)
            return CodedProblems.Validation(http, "sendEmail", new(NoEmailToSend, "Det finns ingen e-postadress att skicka svaret till.",
                "There is no e-mail address to send the answer to."));
        if (refusal != CaseRefusal.None) return Refuse(http, refusal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CodedProblems.Problem(http, StatusCodes.Status409Conflict, "concurrent-change", new("Ärendet ändrades samtidigt", "The case changed meanwhile"),
                new("Någon annan ändrade ärendet samtidigt. Läs in det igen och gör om ändringen.", "Someone else changed the case at the same time. Reload it and make the change again."));
        }
        return TypedResults.Ok(await DetailAsync(db, feedback, options.Value, clock, ct));
    }

    static async Task<CitizenFeedback?> LoadAsync(CollectionDbContext db, Guid id, CaseAccess access, CancellationToken ct, bool tracking = false)
    {
        var query = tracking ? db.Feedback : db.Feedback.AsNoTracking();
        var feedback = await query.Include(f => f.Events).FirstOrDefaultAsync(f => f.Id == id, ct);
        // Another committee's case is "not found", like one that does not exist.
        return feedback is not null && access.MaySee(feedback.Committee) ? feedback : null;
    }

    static async Task<CaseDetail> DetailAsync(CollectionDbContext db, CitizenFeedback feedback, CaseOptions options, TimeProvider clock, CancellationToken ct)
    {
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.FeedbackId == feedback.Id).ToListAsync(ct);
        feedback.Events = events;
        var emails = await db.OutgoingEmails.AsNoTracking().Where(e => e.FeedbackId == feedback.Id).ToListAsync(ct);
        return feedback.ToDetail(emails, SwedishCalendar.DayInSweden(clock.GetUtcNow()), options.ContactRetentionDays);
    }

    static ProblemHttpResult NotFound(HttpContext http) => CodedProblems.Problem(http, StatusCodes.Status404NotFound, "not-found",
        new("Ärendet finns inte", "No such case"), new("Det finns inget ärende med det id:t som du kan se.", "There is no case with that id that you can see."));

    static ProblemHttpResult NotYours(HttpContext http) => CodedProblems.Problem(http, StatusCodes.Status403Forbidden, "forbidden",
        new("Inte din nämnd", "Not your committee"), new("Du ser bara ärenden i dina egna nämnder.", "You see only the cases of your own committees."));

    static ProblemHttpResult Refuse(HttpContext http, CaseRefusal refusal) => refusal switch
    {
        CaseRefusal.Closed => CodedProblems.Problem(http, 409, "case-closed", new("Ärendet är avslutat", "The case is closed"),
            new("Öppna ärendet igen för att ändra det.", "Reopen the case to change it.")),
        CaseRefusal.NotAnswered => CodedProblems.Problem(http, 409, "case-not-answered", new("Ärendet är inte besvarat", "The case is not answered"),
            new("Besvara ärendet först.", "Answer the case first.")),
        CaseRefusal.NotClosed => CodedProblems.Problem(http, 409, "case-not-closed", new("Ärendet är inte avslutat", "The case is not closed"),
            new("Bara ett avslutat ärende kan öppnas igen.", "Only a closed case can be reopened.")),
        CaseRefusal.NoGoalArea => CodedProblems.Problem(http, 409, "case-without-goal-area", new("Ärendet saknar målområde", "The case has no goal area"),
            new("Bara synpunkter i ett målområde kan publiceras under Du sa – vi gjorde.", "Only feedback in a goal area can be published under You said – we did.")),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };
}
