namespace Medborgare.ApiContracts.FollowUp;

/// <summary>
/// The per-field codes FollowUp sends in a validation problem's <c>codes</c>, and the codes of a failed key-figure import
/// (<see cref="ImportFailure"/>). FollowUp's own messages beside them follow Accept-Language, in Swedish or English.
/// </summary>
public static class FollowUpErrorCodes
{
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string PeriodOutOfRange = "period-out-of-range";
    public const string SortOrderOutOfRange = "sort-order-out-of-range";

    // Goals.
    public const string LevelRequired = "level-required";
    public const string LevelUnknown = "level-unknown";
    public const string LevelFixed = "level-fixed";
    public const string GoalAreaCodeInvalid = "goal-area-code-invalid";
    public const string GoalAreaCodeTaken = "goal-area-code-taken";
    public const string CodeOnlyForGoalAreas = "code-only-for-goal-areas";
    public const string VisionHasNoParent = "vision-has-no-parent";
    public const string ParentRequired = "parent-required";
    public const string ParentUnknown = "parent-unknown";
    public const string ParentWrongLevel = "parent-wrong-level";

    // Indicators, targets and values.
    public const string DirectionRequired = "direction-required";
    public const string ToleranceInvalid = "tolerance-invalid";
    public const string SurveyKeyRequired = "survey-key-required";
    public const string KpiIdInvalid = "kpi-id-invalid";
    /// <summary>A feedback indicator's key is none of: empty (the count), <c>answered-in-time</c>, <c>median-response-days</c>,
    /// <c>theme:&lt;category&gt;</c> with a category of beröm, klagomål, förslag or fråga.</summary>
    public const string FeedbackKeyUnknown = "feedback-key-unknown";
    public const string SourceRequired = "source-required";
    public const string NotANumber = "not-a-number";
    public const string TargetPeriodTwice = "target-period-twice";
    public const string GoalRequired = "goal-required";
    public const string GoalUnknown = "goal-unknown";
    public const string VisionHasNoIndicators = "vision-has-no-indicators";

    // Assessments.
    public const string AssessmentUnknown = "assessment-unknown";
    public const string VisionNotAssessed = "vision-not-assessed";

    // Uppdrag, action plans and reports.
    public const string DeadlineRequired = "deadline-required";
    public const string DateRequired = "date-required";
    public const string EndBeforeStart = "end-before-start";
    public const string DateOutOfRange = "date-out-of-range";
    public const string StatusUnknown = "status-unknown";
    public const string ReportPeriodUnknown = "report-period-unknown";
    public const string GoalIsVision = "goal-is-vision";
    /// <summary>An action plan of its own belongs to a nämndmål (CommitteeGoal) only; other goals get theirs through uppdrag.</summary>
    public const string GoalNotCommitteeGoal = "goal-not-committee-goal";
    public const string IndicatorUnknown = "indicator-unknown";
    public const string TooManyIndicators = "too-many-indicators";
    public const string PromptInvalid = "prompt-invalid";
    /// <summary>403: an officer may plan and report only for the committees of their committee claims.</summary>
    public const string NotYourCommittee = "not-your-committee";

    // Key figures.
    public const string KpisRequired = "kpis-required";
    public const string TooManyKpis = "too-many-kpis";
    public const string YearRangeInvalid = "year-range-invalid";
    public const string KpiRequired = "kpi-required";

    // Key-figure imports: why one failed (ImportFailure.Code, in an import's Failure and in a refused file's "failure").
    public const string ImportAbandoned = "import-abandoned";
    public const string ImportFailedUnexpectedly = "import-failed-unexpectedly";
    /// <summary>An import that failed before imports had codes; its <c>Value</c> is the text it was stored with.</summary>
    public const string ImportFailed = "import-failed";
    public const string KoladaInvalidJson = "kolada-invalid-json";
    public const string KoladaDocumentNotAnObject = "kolada-document-not-an-object";
    public const string KoladaNotAnObject = "kolada-not-an-object";
    public const string KoladaNotAList = "kolada-not-a-list";
    public const string KoladaMissing = "kolada-missing";
    public const string KoladaBlank = "kolada-blank";
    public const string KoladaNotText = "kolada-not-text";
    public const string KoladaTooLong = "kolada-too-long";
    public const string KoladaNotAnInteger = "kolada-not-an-integer";
    public const string KoladaNotACount = "kolada-not-a-count";
    public const string KoladaNotANumber = "kolada-not-a-number";
    public const string KoladaValueNotANumber = "kolada-value-not-a-number";
    public const string KoladaPeriodImplausible = "kolada-period-implausible";
    public const string KoladaGenderUnknown = "kolada-gender-unknown";
    public const string KoladaNotZeroOrOne = "kolada-not-zero-or-one";
    public const string KoladaNextPageNotALink = "kolada-next-page-not-a-link";
    public const string KoladaNextPageNotV2 = "kolada-next-page-not-v2";
    public const string KoladaNextPageLoop = "kolada-next-page-loop";
    public const string KoladaTooManyPages = "kolada-too-many-pages";
    public const string KoladaFetchStatus = "kolada-fetch-status";
    public const string KoladaFetchFailed = "kolada-fetch-failed";
    public const string KoladaFetchTimeout = "kolada-fetch-timeout";
}
