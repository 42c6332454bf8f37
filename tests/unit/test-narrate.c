/* test-narrate.c - unit tests for the drafted sentences */
#include <config.h>
#include "narrate.h"

#include <string.h>
#include <math.h>
#include <glib.h>

#include "tap.h"

/*
 * Each check takes the returned string, compares it with the expected
 * text, names the test after that text and frees the result.  The
 * phrases are those of the cybercrime-cooperation form.
 */

static void is(char *got, const char *want, int line)
{
	tap_check_str(got, want, __FILE__, line, want ? want : "NULL");
	g_free(got);
}

#define IS(got, want) is((got), (want), __LINE__)

/* GLib criticals from broken preconditions are counted, not printed. */
static int criticals;

static void count_criticals(const gchar *domain, GLogLevelFlags level, const gchar *message,
			    gpointer data)
{
	(void)domain;
	(void)message;
	(void)data;
	if (level & G_LOG_LEVEL_CRITICAL)
		criticals++;
}

#define IS_REFUSED(got)                                                                     \
	do {                                                                                \
		int before = criticals;                                                     \
		is((got), NULL, __LINE__);                                                  \
		ok(criticals == before + 1, "one critical for %s", #got);                   \
	} while (0)

static struct narrate_base replying(unsigned long n)
{
	return narrate_replying(n, "Member State", "Member States");
}

static const char *const words[] = {"zero", "one", "two", "three", "four",
				    "five", "six", "seven", "eight", "nine"};
static const char *const capitals[] = {"Zero", "One", "Two", "Three", "Four",
				       "Five", "Six", "Seven", "Eight", "Nine"};

#define LAW "had formulated or amended domestic law on cybercrime"
#define DRAFT "were preparing such a law"
#define NO_LAW "had no such law"
#define NEED_STD "needed uniform international standards for combating cybercrime"
#define TA "had received technical assistance related to cybercrime"
#define CENTRAL "had designated a central authority for mutual legal assistance"
#define UNKNOWN "answered “Information not available”"
#define NONE_TREATY "were party to none of these conventions"

static void test_numbers(void)
{
	for (unsigned long i = 0; i < G_N_ELEMENTS(words); i++) {
		IS(narrate_number(i, 0), words[i]);
		IS(narrate_number(i, NARRATE_CAPITAL), capitals[i]);
	}
	IS(narrate_number(10, 0), "10");
	IS(narrate_number(11, 0), "11");
	IS(narrate_number(47, 0), "47");
	IS(narrate_number(999, 0), "999");
	IS(narrate_number(1000, 0), "1,000");
	IS(narrate_number(12345, 0), "12,345");
	IS(narrate_number(1000000, 0), "1,000,000");
	IS(narrate_number(12, NARRATE_CAPITAL), "12");
}


static void test_join(void)
{
	const char *const abcd[] = {"A", "B", "C", "D"};
	IS(narrate_join(abcd, 0, "and"), "");
	IS(narrate_join(abcd, 1, "and"), "A");
	IS(narrate_join(abcd, 2, "and"), "A and B");
	IS(narrate_join(abcd, 3, "and"), "A, B and C");
	IS(narrate_join(abcd, 4, "and"), "A, B, C and D");
	IS(narrate_join(abcd, 2, "or"), "A or B");
	IS(narrate_join(abcd, 3, "or"), "A, B or C");

	const char *const areas[] = {"legislative drafting", "prevention and public awareness",
				     "crime statistics"};
	IS(narrate_join(areas, 3, "and"),
	   "legislative drafting, prevention and public awareness, and crime statistics");
	IS(narrate_join(areas + 1, 2, "and"),
	   "prevention and public awareness and crime statistics");
	const char *const police[] = {"liaison officers", "regional police or judicial organizations",
				      "joint investigation teams"};
	IS(narrate_join(police, 3, "or"),
	   "liaison officers, regional police or judicial organizations, or joint investigation teams");
	const char *const brand[] = {"Band", "Orchestra", "Chorus"};
	IS(narrate_join(brand, 3, "and"), "Band, Orchestra and Chorus");
}

static void test_sentence(void)
{
	IS(narrate_sentence("seven had joined"), "Seven had joined.");
	IS(narrate_sentence("Done."), "Done.");
	IS(narrate_sentence("did they?"), "Did they?");
	IS(narrate_sentence("all answered “Has your State joined?”"),
	   "All answered “Has your State joined?”");
	IS(narrate_sentence("all answered “Yes”"), "All answered “Yes”.");
	IS(narrate_sentence("état de droit"), "État de droit.");
	IS(narrate_sentence("12 replied"), "12 replied.");
	IS(narrate_sentence(""), "");
}

static void test_agree(void)
{
	IS(narrate_agree(NONE_TREATY, true), "was party to none of these conventions");
	IS(narrate_agree(NONE_TREATY, false), NONE_TREATY);
	IS(narrate_agree("was preparing such a law", false), DRAFT);
	IS(narrate_agree("are members", true), "is members");
	IS(narrate_agree("is a member", false), "are a member");
	IS(narrate_agree("have a law", true), "has a law");
	IS(narrate_agree("has a law", false), "have a law");
	IS(narrate_agree("do so", true), "does so");
	IS(narrate_agree("does so", false), "do so");
	IS(narrate_agree(LAW, true), LAW);
	IS(narrate_agree("werewolves", true), "werewolves");
	IS(narrate_agree("were", true), "was");
	IS(narrate_agree("Were party", true), "Were party");
	IS(narrate_agree("", true), "");
}

static void test_negate(void)
{
	IS(narrate_negate(TA, true), "had not received technical assistance related to cybercrime");
	IS(narrate_negate(DRAFT, true), "was not preparing such a law");
	IS(narrate_negate(DRAFT, false), "were not preparing such a law");
	IS(narrate_negate("could provide mutual legal assistance", true),
	   "could not provide mutual legal assistance");
	IS(narrate_negate("can provide assistance", false), "cannot provide assistance");
	IS(narrate_negate("had articles on coordinating criminal jurisdiction", true),
	   "did not have articles on coordinating criminal jurisdiction");
	IS(narrate_negate("had a 24/7 point of contact", true), "did not have a 24/7 point of contact");
	IS(narrate_negate("had seven laws", false), "did not have seven laws");
	IS(narrate_negate("has a law", true), "does not have a law");
	IS(narrate_negate("has a law", false), "do not have a law");
	IS(narrate_negate("had been consulted", true), "had not been consulted");
	IS(narrate_negate("had sought assistance", true), "had not sought assistance");
	IS(narrate_negate("did business abroad", true), "did not do business abroad");
	IS(narrate_negate(NEED_STD, true), NULL);
	IS(narrate_negate("cited slow responses", true), NULL);
	IS(narrate_negate(NO_LAW, true), NULL);
	IS(narrate_negate("were not preparing a law", true), NULL);
}

static void test_not(void)
{
	IS(narrate_not(TA, false), "had not");
	IS(narrate_not(DRAFT, true), "was not");
	IS(narrate_not(DRAFT, false), "were not");
	IS(narrate_not("could provide assistance", true), "could not");
	IS(narrate_not("can provide assistance", true), "cannot");
	IS(narrate_not(NEED_STD, false), "did not");
	IS(narrate_not("had articles on coordination", false), "did not");
	IS(narrate_not("has a law", true), "does not");
	IS(narrate_not("have a law", false), "do not");
	IS(narrate_not("answered “Yes” to the question “Q?”", true), "did not");
}

static void test_base_phrase(void)
{
	struct narrate_base b = replying(9);
	IS(narrate_base_phrase(&b, true), "nine replying Member States");
	IS(narrate_base_phrase(&b, false), "replying Member States");
	b.n = 1;
	IS(narrate_base_phrase(&b, true), "one replying Member State");
	b.n = 0;
	IS(narrate_base_phrase(&b, true), "no replying Member States");
	b.n = 12;
	IS(narrate_base_phrase(&b, true), "12 replying Member States");

	struct narrate_base anyone = {.n = 5};
	IS(narrate_base_phrase(&anyone, true), "five respondents");
	struct narrate_base with_law = {.n = 7, .singular = "Member State", .plural = "Member States", .pre = "", .post = "with such a law"};
	IS(narrate_base_phrase(&with_law, true), "seven Member States with such a law");
	struct narrate_base both = {.n = 3, .singular = "State", .plural = "States", .pre = "replying", .post = "in Africa"};
	IS(narrate_base_phrase(&both, true), "three replying States in Africa");
}

struct quantity_case {
	unsigned long n, k;
	unsigned flags;
	const char *want;
	bool singular;
};

static const struct quantity_case quantity_cases[] = {
	{9, 7, 0, "seven of the nine replying Member States", false},
	{9, 1, 0, "one of the nine replying Member States", true},
	{9, 9, 0, "all nine replying Member States", false},
	{9, 0, 0, "none of the nine replying Member States", false},
	{9, 7, NARRATE_CAPITAL, "Seven of the nine replying Member States", false},
	{12, 7, NARRATE_CAPITAL, "Seven of the 12 replying Member States", false},
	{12, 10, 0, "10 of the 12 replying Member States", false},
	{12, 10, NARRATE_CAPITAL, "Of the 12 replying Member States, 10", false},
	{12, 12, NARRATE_CAPITAL, "All 12 replying Member States", false},
	{12, 0, NARRATE_CAPITAL, "None of the 12 replying Member States", false},
	{3, 3, 0, "all three replying Member States", false},
	{2, 2, 0, "both replying Member States", false},
	{2, 1, 0, "one of the two replying Member States", true},
	{2, 0, 0, "neither of the two replying Member States", true},
	{1, 1, 0, "the one replying Member State", true},
	{1, 1, NARRATE_CAPITAL, "The one replying Member State", true},
	{1, 0, 0, "none of the replying Member States (one in all)", false},
	{0, 0, NARRATE_CAPITAL, "No replying Member States", false},
	{9, 6, NARRATE_PROPORTION, "most replying Member States (six of nine)", false},
	{9, 8, NARRATE_PROPORTION, "most replying Member States (eight of nine)", false},
	{9, 5, NARRATE_PROPORTION, "a majority of the replying Member States (five of nine)", false},
	{10, 5, NARRATE_PROPORTION, "half of the 10 replying Member States", false},
	{8, 4, NARRATE_PROPORTION | NARRATE_CAPITAL, "Half of the eight replying Member States",
	 false},
	{10, 6, NARRATE_PROPORTION, "a majority of the replying Member States (six of 10)", false},
	{10, 7, NARRATE_PROPORTION, "most replying Member States (seven of 10)", false},
	{6, 4, NARRATE_PROPORTION, "most replying Member States (four of six)", false},
	{5, 3, NARRATE_PROPORTION, "a majority of the replying Member States (three of five)",
	 false},
	{12, 10, NARRATE_PROPORTION | NARRATE_CAPITAL, "Most replying Member States (10 of 12)",
	 false},
	{9, 4, NARRATE_PROPORTION, "four of the nine replying Member States", false},
	{9, 1, NARRATE_PROPORTION, "one of the nine replying Member States", true},
	{9, 9, NARRATE_PROPORTION, "all nine replying Member States", false},
	{9, 0, NARRATE_PROPORTION, "none of the nine replying Member States", false},
	{4, 3, NARRATE_PROPORTION, "three of the four replying Member States", false},
	{4, 2, NARRATE_PROPORTION, "two of the four replying Member States", false},
};

static void test_quantity(void)
{
	for (size_t i = 0; i < G_N_ELEMENTS(quantity_cases); i++) {
		const struct quantity_case *c = &quantity_cases[i];
		struct narrate_base b = replying(c->n);
		bool singular = !c->singular;
		char *got = narrate_quantity(&b, c->k, c->flags, &singular);
		ok(got && strcmp(got, c->want) == 0 && singular == c->singular, "%s (%s)", c->want,
		   c->singular ? "singular" : "plural");
		if (got && strcmp(got, c->want) != 0)
			tap_diag("  got: '%s'", got);
		g_free(got);
	}
	struct narrate_base b = replying(9);
	IS(narrate_quantity(&b, 3, 0, NULL), "three of the nine replying Member States");
	IS_REFUSED(narrate_quantity(&b, 10, 0, NULL));
}

static void test_count_words(void)
{
	struct narrate_base b = replying(9);
	for (unsigned long k = 1; k < 9; k++) {
		char *want = g_strdup_printf("%s of the nine replying Member States %s%s.",
					     capitals[k], k == 1 ? "was" : "were",
					     " preparing such a law");
		IS(narrate_count(&b, k, DRAFT, 0), want);
		g_free(want);
	}
	for (unsigned long n = 3; n <= 12; n++) {
		char *num = narrate_number(n, 0);
		char *want = g_strdup_printf("All %s replying Member States " TA ".", num);
		b = replying(n);
		IS(narrate_count(&b, n, TA, 0), want);
		g_free(want);
		g_free(num);
	}
}

static void test_count(void)
{
	struct narrate_base b = replying(9);
	IS(narrate_count(&b, 7, LAW, 0),
	   "Seven of the nine replying Member States had formulated or amended domestic law on "
	   "cybercrime.");
	IS(narrate_count(&b, 9, NEED_STD, 0),
	   "All nine replying Member States needed uniform international standards for combating "
	   "cybercrime.");
	IS(narrate_count(&b, 0, DRAFT, 0),
	   "None of the nine replying Member States were preparing such a law.");
	IS(narrate_count(&b, 6, TA, NARRATE_PROPORTION),
	   "Most replying Member States (six of nine) had received technical assistance related to "
	   "cybercrime.");
	IS(narrate_count(&b, 5, TA, NARRATE_PROPORTION),
	   "A majority of the replying Member States (five of nine) had received technical "
	   "assistance related to cybercrime.");
	IS(narrate_count(&b, 6, TA, 0),
	   "Six of the nine replying Member States had received technical assistance related to "
	   "cybercrime.");

	b = replying(10);
	IS(narrate_count(&b, 5, DRAFT, NARRATE_PROPORTION),
	   "Half of the 10 replying Member States were preparing such a law.");
	b = replying(12);
	IS(narrate_count(&b, 10, TA, 0),
	   "Of the 12 replying Member States, 10 had received technical assistance related to "
	   "cybercrime.");
	IS(narrate_count(&b, 11, DRAFT, 0),
	   "Of the 12 replying Member States, 11 were preparing such a law.");

	struct narrate_base roster = {.n = 47, .singular = "Member State", .plural = "Member States"};
	IS(narrate_count(&roster, 9, "had replied by 30 June 2019", 0),
	   "Nine of the 47 Member States had replied by 30 June 2019.");
	IS(narrate_count(&roster, 11, "had replied by 28 August 2019", 0),
	   "Of the 47 Member States, 11 had replied by 28 August 2019.");

	struct narrate_base with_law = {.n = 7, .singular = "Member State", .plural = "Member States", .post = "with such a law"};
	IS(narrate_count(&with_law, 5, "had criminalised illegal access", 0),
	   "Five of the seven Member States with such a law had criminalised illegal access.");
	IS(narrate_count(&with_law, 1, NONE_TREATY, 0),
	   "One of the seven Member States with such a law was party to none of these "
	   "conventions.");
	struct narrate_base anyone = {.n = 3};
	IS(narrate_count(&anyone, 2, TA, 0),
	   "Two of the three respondents had received technical assistance related to cybercrime.");

	char *yes = narrate_fallback_answer("Yes", "Has your State designated a central authority?");
	b = replying(9);
	IS(narrate_count(&b, 7, yes, 0),
	   "Seven of the nine replying Member States answered “Yes” to the question “Has your State "
	   "designated a central authority?”");
	g_free(yes);
	IS_REFUSED(narrate_count(&b, 13, TA, 0));
}

static void test_count_small_bases(void)
{
	struct narrate_base b = replying(2);
	IS(narrate_count(&b, 2, "had joined the Budapest Convention", 0),
	   "Both replying Member States had joined the Budapest Convention.");
	IS(narrate_count(&b, 1, NONE_TREATY, 0),
	   "One of the two replying Member States was party to none of these conventions.");
	IS(narrate_count(&b, 0, DRAFT, 0),
	   "Neither of the two replying Member States was preparing such a law.");
	IS(narrate_count(&b, 1, DRAFT, NARRATE_PROPORTION),
	   "One of the two replying Member States was preparing such a law.");

	b = replying(1);
	IS(narrate_count(&b, 1, DRAFT, 0), "The one replying Member State was preparing such a law.");
	IS(narrate_count(&b, 1, LAW, 0),
	   "The one replying Member State had formulated or amended domestic law on cybercrime.");
	IS(narrate_count(&b, 0, TA, 0),
	   "The one replying Member State had not received technical assistance related to "
	   "cybercrime.");
	IS(narrate_count(&b, 0, DRAFT, 0),
	   "The one replying Member State was not preparing such a law.");
	IS(narrate_count(&b, 0, "had articles on coordinating criminal jurisdiction with other States",
			 0),
	   "The one replying Member State did not have articles on coordinating criminal "
	   "jurisdiction with other States.");
	IS(narrate_count(&b, 0, NEED_STD, 0),
	   "None of the replying Member States (one in all) needed uniform international standards "
	   "for combating cybercrime.");

	b = replying(0);
	IS(narrate_count(&b, 0, TA, 0), "There were no replying Member States.");
	struct narrate_base with_law = {.n = 0, .singular = "Member State", .plural = "Member States", .post = "with such a law"};
	IS(narrate_count(&with_law, 0, TA, 0), "There were no Member States with such a law.");
	IS_REFUSED(narrate_count(&b, 1, TA, 0));
}

static void test_select_one(void)
{
	struct narrate_base b = replying(9);
	const struct narrate_item law[] = {{LAW, 4}, {LAW, 3}, {DRAFT, 1}, {NO_LAW, 1}};
	IS(narrate_select_one(&b, law, 4, 0),
	   "Seven of the nine replying Member States had formulated or amended domestic law on "
	   "cybercrime; one was preparing such a law and one had no such law.");
	IS(narrate_select_one(&b, law, 4, NARRATE_PROPORTION),
	   "Most replying Member States (seven of nine) had formulated or amended domestic law on "
	   "cybercrime; one was preparing such a law and one had no such law.");

	const struct narrate_item without_draft[] = {{LAW, 4}, {LAW, 3}, {DRAFT, 0}, {NO_LAW, 2}};
	IS(narrate_select_one(&b, without_draft, 4, 0),
	   "Seven of the nine replying Member States had formulated or amended domestic law on "
	   "cybercrime; two had no such law.");

	const struct narrate_item largest_later[] = {{DRAFT, 1}, {LAW, 6}, {NO_LAW, 2}};
	IS(narrate_select_one(&b, largest_later, 3, 0),
	   "Six of the nine replying Member States had formulated or amended domestic law on "
	   "cybercrime; two had no such law and one was preparing such a law.");

	const struct narrate_item ties[] = {{"had X", 3}, {"had Y", 3}, {"had Z", 3}};
	IS(narrate_select_one(&b, ties, 3, 0),
	   "Three of the nine replying Member States had X; three had Y and three had Z.");

	/* Five answers at most; the others are counted, not named (the table names them). */
	struct narrate_base b193 = replying(193);
	const struct narrate_item eight[] = {{"had A", 40}, {"had B", 30}, {"had C", 25}, {"had D", 20},
					    {"had E", 18}, {"had F", 17}, {"had G", 0}, {"had H", 43}};
	IS(narrate_select_one(&b193, eight, 8, 0),
	   "Of the 193 replying Member States, 43 had H; 40 had A, 30 had B, 25 had C, 20 had D "
	   "and 35 gave two other answers.");
	const struct narrate_item six[] = {{"had A", 4}, {"had B", 1}, {"had C", 1}, {"had D", 1},
					   {"had E", 1}, {"had F", 1}};
	IS(narrate_select_one(&b, six, 6, 0),
	   "Four of the nine replying Member States had A; one had B, one had C, one had D, one had "
	   "E and one gave another answer.");

	const struct narrate_item ppp[] = {
		{"found cooperation with the private sector useful", 5},
		{"found cooperation with the private sector useful", 4},
		{"did not find cooperation with the private sector useful", 0},
	};
	IS(narrate_select_one(&b, ppp, 3, 0),
	   "All nine replying Member States found cooperation with the private sector useful.");

	const struct narrate_item region[] = {{"belonged to the Asian group", 6},
					      {"belonged to the African group", 3}};
	IS(narrate_select_one(&b, region, 2, 0),
	   "Six of the nine replying Member States belonged to the Asian group; three belonged to "
	   "the African group.");

	const struct narrate_item nothing[] = {{LAW, 0}, {LAW, 0}, {DRAFT, 0}, {NO_LAW, 0}};
	IS(narrate_select_one(&b, nothing, 4, 0),
	   "None of the nine replying Member States had formulated or amended domestic law on "
	   "cybercrime, were preparing such a law, or had no such law.");
	struct narrate_base two = replying(2);
	IS(narrate_select_one(&two, nothing, 4, 0),
	   "Neither of the two replying Member States had formulated or amended domestic law on "
	   "cybercrime, was preparing such a law, or had no such law.");
	const struct narrate_item one_each[] = {{LAW, 1}, {DRAFT, 1}};
	IS(narrate_select_one(&two, one_each, 2, 0),
	   "One of the two replying Member States had formulated or amended domestic law on "
	   "cybercrime; one was preparing such a law.");

	struct narrate_base one = replying(1);
	const struct narrate_item drafting[] = {{LAW, 0}, {DRAFT, 1}, {NO_LAW, 0}};
	IS(narrate_select_one(&one, drafting, 3, 0),
	   "The one replying Member State was preparing such a law.");
	struct narrate_base none = replying(0);
	IS(narrate_select_one(&none, nothing, 4, 0), "There were no replying Member States.");

	struct narrate_base twelve = replying(12);
	const struct narrate_item many[] = {{LAW, 10}, {DRAFT, 2}};
	IS(narrate_select_one(&twelve, many, 2, 0),
	   "Of the 12 replying Member States, 10 had formulated or amended domestic law on "
	   "cybercrime; two were preparing such a law.");

	char *yes = narrate_fallback_answer("Yes: a dedicated law on cybercrime has been enacted", NULL);
	char *no = narrate_fallback_answer("No", NULL);
	const struct narrate_item labels[] = {{yes, 4}, {no, 5}};
	IS(narrate_select_one(&b, labels, 2, 0),
	   "Five of the nine replying Member States answered “No”; four answered “Yes: a dedicated "
	   "law on cybercrime has been enacted”.");
	g_free(yes);
	g_free(no);

	const struct narrate_item too_many[] = {{LAW, 7}, {DRAFT, 3}};
	IS_REFUSED(narrate_select_one(&b, too_many, 2, 0));
}

static void test_yes_no(void)
{
	struct narrate_base b = replying(9);
	const struct narrate_item unknown[] = {{UNKNOWN, 1}};
	IS(narrate_yes_no(&b, NEED_STD, 9, 0, NULL, 0, 0),
	   "All nine replying Member States needed uniform international standards for combating "
	   "cybercrime.");
	IS(narrate_yes_no(&b, TA, 6, 2, unknown, 1, 0),
	   "Six of the nine replying Member States had received technical assistance related to "
	   "cybercrime; two had not and one answered “Information not available”.");
	IS(narrate_yes_no(&b, TA, 6, 2, unknown, 1, NARRATE_PROPORTION),
	   "Most replying Member States (six of nine) had received technical assistance related to "
	   "cybercrime; two had not and one answered “Information not available”.");
	IS(narrate_yes_no(&b, CENTRAL, 7, 2, NULL, 0, 0),
	   "Seven of the nine replying Member States had designated a central authority for mutual "
	   "legal assistance; two had not.");
	IS(narrate_yes_no(&b, "could provide mutual legal assistance in the absence of a treaty", 5,
			  4, NULL, 0, 0),
	   "Five of the nine replying Member States could provide mutual legal assistance in the "
	   "absence of a treaty; four could not.");
	IS(narrate_yes_no(&b, NEED_STD, 8, 1, NULL, 0, 0),
	   "Eight of the nine replying Member States needed uniform international standards for "
	   "combating cybercrime; one did not.");
	IS(narrate_yes_no(&b, "had articles on coordinating criminal jurisdiction with other States",
			  2, 7, NULL, 0, 0),
	   "Two of the nine replying Member States had articles on coordinating criminal "
	   "jurisdiction with other States; seven did not.");
	IS(narrate_yes_no(&b, "were satisfied with the response times", 1, 8, NULL, 0, 0),
	   "One of the nine replying Member States was satisfied with the response times; eight "
	   "were not.");
	IS(narrate_yes_no(&b, "were satisfied with the response times", 8, 1, NULL, 0, 0),
	   "Eight of the nine replying Member States were satisfied with the response times; one "
	   "was not.");
	IS(narrate_yes_no(&b, CENTRAL, 5, 2, NULL, 0, 0),
	   "Five of the nine replying Member States had designated a central authority for mutual "
	   "legal assistance; two had not.");
}

static void test_yes_no_edges(void)
{
	struct narrate_base b = replying(9);
	const struct narrate_item two_unknown[] = {{UNKNOWN, 2}};
	const struct narrate_item all_unknown[] = {{UNKNOWN, 9}};
	IS(narrate_yes_no(&b, CENTRAL, 0, 9, NULL, 0, 0),
	   "None of the nine replying Member States had designated a central authority for mutual "
	   "legal assistance.");
	IS(narrate_yes_no(&b, CENTRAL, 0, 7, two_unknown, 1, 0),
	   "None of the nine replying Member States had designated a central authority for mutual "
	   "legal assistance; seven had not and two answered “Information not available”.");
	IS(narrate_yes_no(&b, CENTRAL, 0, 0, all_unknown, 1, 0),
	   "None of the nine replying Member States had designated a central authority for mutual "
	   "legal assistance; all answered “Information not available”.");

	char *yes = narrate_fallback_answer("Yes", "Has your State designated a central authority?");
	IS(narrate_yes_no(&b, yes, 7, 2, NULL, 0, 0),
	   "Seven of the nine replying Member States answered “Yes” to the question “Has your State "
	   "designated a central authority?”; two did not.");
	g_free(yes);

	struct narrate_base two = replying(2);
	IS(narrate_yes_no(&two, CENTRAL, 1, 1, NULL, 0, 0),
	   "One of the two replying Member States had designated a central authority for mutual "
	   "legal assistance; one had not.");
	IS(narrate_yes_no(&two, CENTRAL, 0, 0, two_unknown, 1, 0),
	   "Neither of the two replying Member States had designated a central authority for "
	   "mutual legal assistance; both answered “Information not available”.");

	struct narrate_base one = replying(1);
	const struct narrate_item one_unknown[] = {{UNKNOWN, 1}};
	IS(narrate_yes_no(&one, CENTRAL, 1, 0, NULL, 0, 0),
	   "The one replying Member State had designated a central authority for mutual legal "
	   "assistance.");
	IS(narrate_yes_no(&one, CENTRAL, 0, 1, NULL, 0, 0),
	   "The one replying Member State had not designated a central authority for mutual legal "
	   "assistance.");
	IS(narrate_yes_no(&one, NEED_STD, 0, 1, NULL, 0, 0),
	   "None of the replying Member States (one in all) needed uniform international standards "
	   "for combating cybercrime.");
	IS(narrate_yes_no(&one, CENTRAL, 0, 0, one_unknown, 1, 0),
	   "The one replying Member State answered “Information not available”.");
	IS(narrate_yes_no(&one, CENTRAL, 0, 0, NULL, 0, 0),
	   "None of the replying Member States (one in all) had designated a central authority for "
	   "mutual legal assistance.");

	struct narrate_base none = replying(0);
	IS(narrate_yes_no(&none, CENTRAL, 0, 0, NULL, 0, 0), "There were no replying Member States.");
	IS_REFUSED(narrate_yes_no(&b, CENTRAL, 5, 4, one_unknown, 1, 0));
}

#define JOINED "had joined"
#define BUDAPEST "the Budapest Convention"
#define SCO "the SCO Agreement"
#define ARAB "the League of Arab States Convention"

static void test_select_multiple(void)
{
	struct narrate_base b = replying(9);
	const struct narrate_item none6 = {NONE_TREATY, 6};
	const struct narrate_item treaties[] = {
		{BUDAPEST, 1},
		{SCO, 1},
		{ARAB, 1},
		{"the Malabo Convention", 0},
		{"the CIS Agreement", 0},
		{"the United Nations Convention against Cybercrime", 0},
	};
	IS(narrate_select_multiple(&b, JOINED, treaties, 3, &none6, 0),
	   "Of the nine replying Member States, one each had joined the Budapest Convention, the "
	   "SCO Agreement and the League of Arab States Convention; six were party to none of these "
	   "conventions.");
	IS(narrate_select_multiple(&b, JOINED, treaties, 6, &none6, 0),
	   "Of the nine replying Member States, one each had joined the Budapest Convention, the "
	   "SCO Agreement and the League of Arab States Convention; none had joined the Malabo "
	   "Convention, the CIS Agreement or the United Nations Convention against Cybercrime; six "
	   "were party to none of these conventions.");

	/* Five groups at most; a list of more than five names five and counts the others. */
	struct narrate_base b40 = replying(40);
	const struct narrate_item counts[] = {{"A", 9}, {"B", 8}, {"C", 7}, {"D", 6}, {"E", 5},
					      {"F", 4}, {"G", 3}, {"H", 0}};
	IS(narrate_select_multiple(&b40, "had chosen", counts, 8, NULL, 0),
	   "Nine of the 40 replying Member States had chosen A; eight had chosen B; seven had "
	   "chosen C; six had chosen D; five had chosen E. None of the other three choices was "
	   "chosen by more than four.");
	const struct narrate_item same[] = {{"A", 9}, {"B", 9}, {"C", 9}, {"D", 9}, {"E", 9},
					    {"F", 9}, {"G", 9}, {"H", 1}};
	IS(narrate_select_multiple(&b, "had chosen", same, 8, NULL, 0),
	   "All nine replying Member States had chosen A, B, C, D and E, and two others; one had "
	   "chosen H.");

	/* A verb ending in a preposition is said once; the preposition stands for it after. */
	const struct narrate_item bases[] = {{"territoriality", 8}, {"nationality", 7},
					     {"the flag of a ship", 2}};
	IS(narrate_select_multiple(&b, "based jurisdiction on", bases, 3, NULL, 0),
	   "Eight of the nine replying Member States based jurisdiction on territoriality; seven "
	   "on nationality; two on the flag of a ship.");

	const struct narrate_item lead[] = {{BUDAPEST, 7}, {SCO, 2}, {ARAB, 2}};
	IS(narrate_select_multiple(&b, JOINED, lead, 3, NULL, 0),
	   "Seven of the nine replying Member States had joined the Budapest Convention; two each "
	   "had joined the SCO Agreement and the League of Arab States Convention.");
	IS(narrate_select_multiple(&b, JOINED, lead, 1, NULL, 0),
	   "Seven of the nine replying Member States had joined the Budapest Convention.");
	IS(narrate_select_multiple(&b, JOINED, lead, 1, NULL, NARRATE_PROPORTION),
	   "Most replying Member States (seven of nine) had joined the Budapest Convention.");

	const struct narrate_item all[] = {{BUDAPEST, 9}, {SCO, 9}};
	IS(narrate_select_multiple(&b, JOINED, all, 2, NULL, 0),
	   "All nine replying Member States had joined the Budapest Convention and the SCO "
	   "Agreement.");
	const struct narrate_item nobody[] = {{BUDAPEST, 0}, {SCO, 0}, {ARAB, 0}};
	IS(narrate_select_multiple(&b, JOINED, nobody, 3, NULL, 0),
	   "None of the nine replying Member States had joined the Budapest Convention, the SCO "
	   "Agreement or the League of Arab States Convention.");
	const struct narrate_item none9 = {NONE_TREATY, 9};
	IS(narrate_select_multiple(&b, JOINED, nobody, 2, &none9, 0),
	   "None of the nine replying Member States had joined the Budapest Convention or the SCO "
	   "Agreement; all were party to none of these conventions.");
	const struct narrate_item none1 = {NONE_TREATY, 1};
	const struct narrate_item none0 = {NONE_TREATY, 0};
	const struct narrate_item three_each[] = {{BUDAPEST, 3}, {SCO, 3}};
	IS(narrate_select_multiple(&b, JOINED, three_each, 2, &none1, 0),
	   "Of the nine replying Member States, three each had joined the Budapest Convention and "
	   "the SCO Agreement; one was party to none of these conventions.");
	IS(narrate_select_multiple(&b, JOINED, three_each, 2, &none0, 0),
	   "Of the nine replying Member States, three each had joined the Budapest Convention and "
	   "the SCO Agreement.");
	IS(narrate_select_multiple(&b, JOINED, NULL, 0, &none6, 0),
	   "Six of the nine replying Member States were party to none of these conventions.");

	const struct narrate_item groups[] = {{"A", 2}, {"B", 5}, {"C", 2}, {"D", 5}, {"E", 1}};
	IS(narrate_select_multiple(&b, JOINED, groups, 5, NULL, 0),
	   "Of the nine replying Member States, five each had joined B and D; two each had joined A "
	   "and C; one had joined E.");

	const struct narrate_item offences[] = {
		{"illegal access", 9},
		{"the production and distribution of child sexual abuse material", 9},
		{"computer-related fraud", 9},
	};
	IS(narrate_select_multiple(&b, "had criminalised", offences, 3, NULL, 0),
	   "All nine replying Member States had criminalised illegal access, the production and "
	   "distribution of child sexual abuse material, and computer-related fraud.");
}

static void test_select_multiple_edges(void)
{
	struct narrate_base two = replying(2);
	const struct narrate_item four[] = {{"A", 2}, {"B", 1}, {"C", 1}, {"D", 0}};
	IS(narrate_select_multiple(&two, JOINED, four, 4, NULL, 0),
	   "Both replying Member States had joined A; one each had joined B and C; neither had "
	   "joined D.");
	const struct narrate_item none2 = {NONE_TREATY, 2};
	const struct narrate_item nobody[] = {{"A", 0}, {"B", 0}};
	IS(narrate_select_multiple(&two, JOINED, nobody, 2, &none2, 0),
	   "Neither of the two replying Member States had joined A or B; both were party to none of "
	   "these conventions.");

	struct narrate_base one = replying(1);
	const struct narrate_item chosen[] = {{"A", 1}, {"B", 1}, {"C", 0}};
	IS(narrate_select_multiple(&one, JOINED, chosen, 3, NULL, 0),
	   "The one replying Member State had joined A and B but not C.");
	IS(narrate_select_multiple(&one, JOINED, chosen, 2, NULL, 0),
	   "The one replying Member State had joined A and B.");
	const struct narrate_item none1 = {NONE_TREATY, 1};
	IS(narrate_select_multiple(&one, JOINED, nobody, 2, &none1, 0),
	   "The one replying Member State was party to none of these conventions.");
	IS(narrate_select_multiple(&one, JOINED, nobody, 2, NULL, 0),
	   "The one replying Member State had not joined A or B.");
	IS(narrate_select_multiple(&one, "cited", nobody, 2, NULL, 0),
	   "None of the replying Member States (one in all) cited A or B.");
	IS(narrate_select_multiple(&one, JOINED, chosen, 3, &none1, 0),
	   "The one replying Member State had joined A and B, and was party to none of these "
	   "conventions.");

	struct narrate_base zero = replying(0);
	IS(narrate_select_multiple(&zero, JOINED, nobody, 2, NULL, 0),
	   "There were no replying Member States.");

	struct narrate_base twelve = replying(12);
	const struct narrate_item ten_each[] = {{"A", 10}, {"B", 10}, {"C", 3}};
	IS(narrate_select_multiple(&twelve, JOINED, ten_each, 3, NULL, 0),
	   "Of the 12 replying Member States, 10 each had joined A and B; three had joined C.");
	const struct narrate_item ten[] = {{"A", 10}, {"B", 2}};
	IS(narrate_select_multiple(&twelve, JOINED, ten, 2, NULL, 0),
	   "Of the 12 replying Member States, 10 had joined A; two had joined B.");

	struct narrate_base b = replying(9);
	char *budapest = narrate_quote("Council of Europe Convention on Cybercrime (Budapest, 2001)");
	char *arab = narrate_quote("Arab Convention on Combating Information Technology Offences");
	char *none_label = narrate_fallback_selected("None of these instruments");
	const struct narrate_item labels[] = {{budapest, 1}, {arab, 1}};
	const struct narrate_item fallback_none = {none_label, 7};
	IS(narrate_select_multiple(&b, NARRATE_FALLBACK_VERB, labels, 2, &fallback_none, 0),
	   "Of the nine replying Member States, one each selected “Council of Europe Convention on "
	   "Cybercrime (Budapest, 2001)” and “Arab Convention on Combating Information Technology "
	   "Offences”; seven selected “None of these instruments”.");
	g_free(budapest);
	g_free(arab);
	g_free(none_label);

	const struct narrate_item too_many[] = {{"A", 10}};
	IS_REFUSED(narrate_select_multiple(&b, JOINED, too_many, 1, NULL, 0));
	IS_REFUSED(narrate_select_multiple(&b, JOINED, NULL, 0, NULL, 0));
}

static void test_fallbacks(void)
{
	IS(narrate_quote("Yes"), "“Yes”");
	IS(narrate_quote("  Partial statistics only \n"), "“Partial statistics only”");
	IS(narrate_fallback_answer("No", NULL), "answered “No”");
	IS(narrate_fallback_answer("Yes", "Does your State need technical assistance?"),
	   "answered “Yes” to the question “Does your State need technical assistance?”");
	IS(narrate_fallback_selected("None of these powers"), "selected “None of these powers”");
}

int main(void)
{
	g_log_set_default_handler(count_criticals, NULL);
	test_numbers();
	test_join();
	test_sentence();
	test_agree();
	test_negate();
	test_not();
	test_base_phrase();
	test_quantity();
	test_count_words();
	test_count();
	test_count_small_bases();
	test_select_one();
	test_yes_no();
	test_yes_no_edges();
	test_select_multiple();
	test_select_multiple_edges();
	test_fallbacks();
	return tap_done();
}
