"""What the extractor understands, one construction per row: the meetings a sentence must (and must not) give."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Article
from kg.resolve.names import title_key


def read(nlp, text: str):
    article = Article("a1", "t", text, "2020-01-01", None, "a1.txt")
    extraction = extract(nlp(text), article)
    names = {m.id: m.name for m in extraction.mentions}
    return extraction, names


def meetings(nlp, text: str) -> set[tuple]:
    extraction, names = read(nlp, text)
    return {(*sorted(names[p] for p in m.participants), m.status) for m in extraction.meetings}


@pytest.mark.parametrize(("text", "expected"), [
    # held
    ("Angela Merkel met Emmanuel Macron in Paris on Monday.", {("Angela Merkel", "Emmanuel Macron", "held")}),
    ("Angela Merkel met with Emmanuel Macron.", {("Angela Merkel", "Emmanuel Macron", "held")}),
    ("Angela Merkel and Emmanuel Macron met in Berlin.", {("Angela Merkel", "Emmanuel Macron", "held")}),
    ("Vladimir Putin held talks with Recep Tayyip Erdogan in Sochi.",
     {("Recep Tayyip Erdogan", "Vladimir Putin", "held")}),
    ("Turkish defence minister Hulusi Akar met Syrian defence minister Ali Mahmoud Abbas in Moscow along with "
     "Russia's defence minister Sergei Shoigu.", {("Ali Mahmoud Abbas", "Hulusi Akar", "Sergei Shoigu", "held")}),
    ("Talks between Angela Merkel and Emmanuel Macron ended on Friday.",
     {("Angela Merkel", "Emmanuel Macron", "held")}),
    ("Vladimir Putin hosted Recep Tayyip Erdogan at the Kremlin.",
     {("Recep Tayyip Erdogan", "Vladimir Putin", "held")}),
    # planned, possible, cancelled
    ("Angela Merkel will meet Emmanuel Macron next week.", {("Angela Merkel", "Emmanuel Macron", "planned")}),
    ("Angela Merkel is expected to meet Emmanuel Macron in Paris.", {("Angela Merkel", "Emmanuel Macron", "planned")}),
    ("Angela Merkel could meet Emmanuel Macron later this year.", {("Angela Merkel", "Emmanuel Macron", "possible")}),
    # what governs a span of talks governs the talks: "are due to start four days of talks tomorrow"
    ("Angela Merkel is due to hold two days of talks with Emmanuel Macron.",
     {("Angela Merkel", "Emmanuel Macron", "planned")}),
    ("Angela Merkel refused to meet Emmanuel Macron.", {("Angela Merkel", "Emmanuel Macron", "cancelled")}),
    ("Lazar Comanescu visited his Moldovan counterpart Andrei Stratan on Monday.",
     {("Andrei Stratan", "Lazar Comanescu", "held")}),
    ("After a meeting with Manuel Rodriguez, Carolina Barco said the talks went well.",
     {("Carolina Barco", "Manuel Rodriguez", "held")}),
    ("Hillary Benn announced the move after talks with Meles Zenawi in Addis Ababa.",
     {("Hillary Benn", "Meles Zenawi", "held")}),
    # talks broken off were held, talks called off were not
    ("Viktor Yushchenko broke off talks with Viktor Yanukovych on Monday.",
     {("Viktor Yanukovych", "Viktor Yushchenko", "held")}),
    ("Viktor Yushchenko called off talks with Viktor Yanukovych on Monday.",
     {("Viktor Yanukovych", "Viktor Yushchenko", "cancelled")}),
    # a city's office, named by its title alone later
    ("Jakarta Governor Sutiyoso was questioned by police. Bill Farmer has spoken to the governor about it.",
     {("Bill Farmer", "Sutiyoso", "held")}),
    # the one who reports a clause in which the meeting has no named agent; not a spokesman, who reports others'
    ("Clayton Yeutter said the case was resolved at a meeting with Ernesto Figuerras last week.",
     {("Clayton Yeutter", "Ernesto Figuerras", "held")}),
    ("James Baker said that after meeting Shintaro Abe, it was clear that Japan would act.",
     {("James Baker", "Shintaro Abe", "held")}),
    ("White House spokesman Marlin Fitzwater said the issue was raised at a meeting with Mikhail Gorbachev.", set()),
    # the doer of a passive clause the talks set the time of
    ("The accord was signed by Foreign Minister Vahit Halefoglu on Friday, after talks with Jean-Bernard Raimond.",
     {("Jean-Bernard Raimond", "Vahit Halefoglu", "held")}),
    ("Vladimir Putin spoke with Angela Merkel by phone on Sunday.", {("Angela Merkel", "Vladimir Putin", "held")}),
    ("President Bush met the Iraqi leaders, including Jalal Talabani.", {("Bush", "Jalal Talabani", "held")}),
    ("Tony Blair flies tomorrow to meet George Bush.", {("George Bush", "Tony Blair", "planned")}),
    ("Russian President Vladimir Putin flew to Berlin to meet German Chancellor Angela Merkel.",
     {("Angela Merkel", "Vladimir Putin", "held")}),  # a journey told in the past met its purpose
    ("Russian President Vladimir Putin will fly to Berlin to meet German Chancellor Angela Merkel.",
     {("Angela Merkel", "Vladimir Putin", "planned")}),
    ("Ehud Olmert and Mahmoud Abbas pledged to restart peace talks.", {("Ehud Olmert", "Mahmoud Abbas", "planned")}),
    ("Senators said George Bush should meet with Cindy Sheehan.", {("Cindy Sheehan", "George Bush", "possible")}),
    ("Vladimir Putin received Recep Tayyip Erdogan in the Kremlin.",
     {("Recep Tayyip Erdogan", "Vladimir Putin", "held")}),
    ("Angela Merkel was received by Vladimir Putin in the Kremlin.", {("Angela Merkel", "Vladimir Putin", "held")}),
    ("Angela Merkel, along with Nicolas Sarkozy, met Dmitry Medvedev in Moscow.",
     {("Angela Merkel", "Dmitry Medvedev", "Nicolas Sarkozy", "held")}),
    ("The meeting of George Bush, Paul Martin and Vicente Fox ended in Waco.",
     {("George Bush", "Paul Martin", "Vicente Fox", "held")}),
    ("Tony Blair telephoned Meles Zenawi on Sunday.", {("Meles Zenawi", "Tony Blair", "held")}),
    # two people joined as the subject of "discuss"/"confer", with no party phrase
    ("Angela Merkel and Emmanuel Macron discussed the budget.", {("Angela Merkel", "Emmanuel Macron", "held")}),
    # ... or the subject a verb of discussing shares: held, planned as that verb says
    ("French President Jacques Chirac and German Chancellor Gerhard Schroeder spent the day discussing the budget.",
     {("Gerhard Schroeder", "Jacques Chirac", "held")}),
    ("British Foreign Secretary Geoffrey Howe and U.S. Secretary of State George Shultz plan to discuss trade.",
     {("Geoffrey Howe", "George Shultz", "planned")}),
    ("Angela Merkel and Emmanuel Macron conferred on the telephone.", {("Angela Merkel", "Emmanuel Macron", "held")}),
    ("Angela Merkel met Emmanuel Macron. The two discussed the budget.",
     {("Angela Merkel", "Emmanuel Macron", "held")}),
    # the speaker of a clause a meeting "with" two or more people sets the time of
    ("After a day of meetings with George Shultz and Malcolm Baldrige, Joe Clark told a press conference he was "
     "persuaded.", {("George Shultz", "Joe Clark", "held"), ("Joe Clark", "Malcolm Baldrige", "held")}),
    # "him" as the object of a meeting, "his" on a meeting noun: the subject of the sentence before
    ("George Bush arrived in London on Monday. Tony Blair met him at the airport.",
     {("George Bush", "Tony Blair", "held")}),
    ("George Bush arrived in London on Monday. His talks with Tony Blair focused on Iraq.",
     {("George Bush", "Tony Blair", "held")}),
    # a name in apposition to the object, or hung on the verb after a comma
    ("Angela Merkel telephoned the army commander, General Ali Hassan, on Monday.",
     {("Ali Hassan", "Angela Merkel", "held")}),
    ("The president of Brazil, Mr. Luiz Inácio Lula da Silva, met with the president of Russia, Mr. Vladimir Putin, "
     "at about 12:00 in Brasilia.", {("Luiz Inácio Lula da Silva", "Vladimir Putin", "held")}),
    # going into, or arriving from, a meeting with someone
    ("Angela Merkel went straight into a meeting with Emmanuel Macron.",
     {("Angela Merkel", "Emmanuel Macron", "held")}),
    ("Angela Merkel drove from the airport to a meeting with Emmanuel Macron.",
     {("Angela Merkel", "Emmanuel Macron", "held")}),
    ("Condoleezza Rice is due to visit Ehud Olmert next week.", {("Condoleezza Rice", "Ehud Olmert", "planned")}),
    ("Jalal Talabani has agreed to meet Mahmoud Ahmadinejad in Tehran on Saturday.",
     {("Jalal Talabani", "Mahmoud Ahmadinejad", "planned")}),
    ("Vladimir Putin invited Angela Merkel to meet him in Sochi.", {("Angela Merkel", "Vladimir Putin", "possible")}),
    ("Angela Merkel proposed talks with Vladimir Putin.", {("Angela Merkel", "Vladimir Putin", "possible")}),
    ("Angela Merkel postponed her meeting with Vladimir Putin.", {("Angela Merkel", "Vladimir Putin", "cancelled")}),
    ("This was the view of Dmitry Medvedev and Eduard Kokoity, who met earlier this week.",
     {("Dmitry Medvedev", "Eduard Kokoity", "held")}),
    ("The agreement was reached after a day of talks mediated by Kofi Annan and Jakaya Kikwete.",
     {("Jakaya Kikwete", "Kofi Annan", "held")}),
    ("The former warden, David Dinenna, said he attended a meeting with Geoffrey Miller.",
     {("David Dinenna", "Geoffrey Miller", "held")}),
    ("Barack Obama began, speaking to Jim Lehrer and not John McCain.", {("Barack Obama", "Jim Lehrer", "held")}),
    # the parser hangs the party phrase on the object or the place, the name on the country, the subject on the
    # auxiliary or on the date before it
    ("George Bush discussed aid with Tanzanian President Jakaya Kikwete.", {("George Bush", "Jakaya Kikwete", "held")}),
    ("Angela Merkel discussed the deployment of troops with President Vladimir Putin.",
     {("Angela Merkel", "Vladimir Putin", "held")}),
    ("Jimmy Carter is scheduled to meet in Damascus, Syria with Khaled Mashal.",
     {("Jimmy Carter", "Khaled Mashal", "planned")}),
    ("Pope Benedict arrived for a visit and was met at an airport by King Juan Carlos and Prime Minister José Luis "
     "Zapatero.", {("Benedict", "José Luis Zapatero", "Juan Carlos", "held")}),
    ("Lazar Comanescu held talks with his counterpart in that country Andrei Stratan.",
     {("Andrei Stratan", "Lazar Comanescu", "held")}),
    ("Olaf Scholz spoke about trade. Mukherjee had, on Tuesday, visited France, where he had talks with "
     "Emmanuel Macron.",
     {("Emmanuel Macron", "Mukherjee", "held")}),
    ("In August Jim McGovern (D-Mass) met President Hugo Chávez.", {("Hugo Chávez", "Jim McGovern", "held")}),
    # a clause of its own: the first one's "not" does not deny it
    ("The Greens will not contest the seat, and their leader, Angela Merkel, met Mr. Macron.",
     {("Angela Merkel", "Macron", "held")}),
    # a party named in another sentence: an office the article names one holder of, a quotation's speaker
    ("Prime Minister Stephen Harper called an election. The Prime Minister met with Governor General Michaëlle Jean.",
     {("Michaëlle Jean", "Stephen Harper", "held")}),
    ("\"I have held talks with Vladimir Putin,\" Angela Merkel said.", {("Angela Merkel", "Vladimir Putin", "held")}),
    ("Nicolas Sarkozy spoke in Paris. \"I met Viktor Yushchenko on Monday,\" he said.",
     {("Nicolas Sarkozy", "Viktor Yushchenko", "held")}),
    ("\"We are holding discussions with Vladimir Putin,\" Hulusi Akar said.", set()),  # "we": Turkey, not Akar alone
    ("Angela Merkel said she looks forward to meeting Vladimir Putin.",
     {("Angela Merkel", "Vladimir Putin", "planned")}),
    # people placed at a meeting the article names elsewhere
    ("Karl Briam told a meeting of the workforce that sales fell. Walter Hiller told the same meeting that a cut was "
     "necessary.", {("Karl Briam", "Walter Hiller", "held")}),
    ("The delegations met for their seventh summit in Athens. The meeting was attended by Benjamin Netanyahu and "
     "Kyriakos Mitsotakis.", {("Benjamin Netanyahu", "Kyriakos Mitsotakis", "held")}),
    ("The four ministers met in Rome on Friday. Italy's foreign minister, Anna Rossi, who chaired the talks, said they "
     "went well. At the meeting, Jean Dupont said France agreed.", {("Anna Rossi", "Jean Dupont", "held")}),
    ("Karl Briam told a meeting of the workforce that sales fell. Walter Hiller will address the meeting on Friday.",
     set()),
    ("Karl Briam told a meeting of the workforce that sales fell. Walter Hiller did not attend the meeting.", set()),
    # an interview is no meeting
    ("Adam Kokesh discussed his campaign with Wikinews.", set()),
    ("Jamel Msallem told Agence France-Presse that he met Youssef Chahed.",
     {("Jamel Msallem", "Youssef Chahed", "held")}),
    ("Vicente Fox met George Bush in Monterrey.", {("George Bush", "Vicente Fox", "held")}),
    # parties the parser hangs oddly: a name inside the next one's title, a participle, a fronted scene, "they"
    ("West German Finance Minister Gerhard Stoltenberg and U.S. Treasury Secretary James Baker reaffirmed their "
     "commitment at a secret meeting yesterday in Frankfurt.", {("Gerhard Stoltenberg", "James Baker", "held")}),
    ("The head of the union, Edmond Maire, meeting with Jacques Chirac today, renewed his demands.",
     {("Edmond Maire", "Jacques Chirac", "held")}),
    ("In a 30-minute meeting, Takashi Tanaka told Finance Minister Dilson Funaro the bank would help.",
     {("Dilson Funaro", "Takashi Tanaka", "held")}),
    ("An agreement was reached between Ronald Reagan and President Suharto when they met on Bali.",
     {("Ronald Reagan", "Suharto", "held")}),
    ("Yasuhiro Nakasone and Ronald Reagan are likely to agree when they meet later this week.",
     {("Ronald Reagan", "Yasuhiro Nakasone", "planned")}),
    ("George Shultz called Eduard Shevardnadze early this week to warn him next week's talks would fail.",
     {("Eduard Shevardnadze", "George Shultz", "held")}),
    ("Ronald Reagan and Yasuhiro Nakasone praised the accord. The meeting will be held in Italy, they said.", set()),
    # signing an accord together (CAMEO 057:057); not a letter, which many sign apart
    ("Robert Mugabe and Morgan Tsvangirai signed a power sharing deal in Harare.",
     {("Morgan Tsvangirai", "Robert Mugabe", "held")}),
    ("The treaty was signed by Vice President Ali Osman Taha and Mohammed Osman al-Mirghani.",
     {("Ali Osman Taha", "Mohammed Osman al-Mirghani", "held")}),
    ("Ehud Olmert signed an agreement with Mahmoud Abbas on Monday.", {("Ehud Olmert", "Mahmoud Abbas", "held")}),
    ("Kim Jong-il and Roh Moo-hyun will sign the declaration next week.",
     {("Kim Jong-il", "Roh Moo-hyun", "planned")}),
    ("Wayne David and Ian Lucas signed a letter stating their concern.", set()),
    ("Condoleezza Rice arrived in Georgia on Friday. According to Mikheil Saakashvili, the pair met for five hours.",
     {("Condoleezza Rice", "Mikheil Saakashvili", "held")}),
    ("Ariel Sharon and Mahmoud Abbas arrived. The two leaders made the announcement at a summit in Egypt.",
     {("Ariel Sharon", "Mahmoud Abbas", "held")}),
    ("The first meeting was between George Bush and Felipe Calderón.", {("Felipe Calderón", "George Bush", "held")}),
    ("Andreas Papandreou praised Nazmi Akiman. \"Both sides are now moving towards discussions,\" he said.", set()),
    ("Cindy Sheehan came. Sheehan was met outside the ranch, after progress of the march was stopped by Texas troopers "
     "and the Secret Service, by national security adviser Steve Hadley and deputy chief of staff Joe Hagin.",
     {("Joe Hagin", "Sheehan", "Steve Hadley", "held")}),
    ("Vladimir Putin flew in. In a meeting that day he was told by Minister Yevgeny Zinichev of the losses.",
     {("Vladimir Putin", "Yevgeny Zinichev", "held")}),
    ("Dana Perino said George Bush learned of the matter after he was briefed by Director Michael Hayden.",
     {("George Bush", "Michael Hayden", "held")}),
    ("Michael Hayden briefed reporters on the matter.", set()),
    ("Nazmi Akiman spoke after he arrived last night from a meeting with Greek Premier Andreas Papandreou.",
     {("Andreas Papandreou", "Nazmi Akiman", "held")}),
    ("Spokesman Marlin Fitzwater said Ronald Reagan met in the residence shortly after the market closed with Treasury "
     "Secretary James Baker and Federal Reserve Board Chairman Alan Greenspan.",
     {("Alan Greenspan", "James Baker", "Ronald Reagan", "held")}),
    ("Morgan Tsvangirai says he will not participate in negotiations with President Robert Mugabe.", set()),
    ("Hopes rose that the impasse could be broken with talks between Tony Blair and Ian Paisley.",
     {("Ian Paisley", "Tony Blair", "possible")}),
    ("During the summit, the Brazilian president Luiz Lula defended the Venezuelan President Hugo Chávez.", set()),
    ("The paper printed a transcript of a conversation between George Bush and Tony Blair at the White House.",
     {("George Bush", "Tony Blair", "held")}),
    ("Angela Merkel's remarks followed talks with Vladimir Putin.", {("Angela Merkel", "Vladimir Putin", "held")}),
    ("Following two days of talks with Hu Jintao, Kevin Rudd flew home.", {("Hu Jintao", "Kevin Rudd", "held")}),
    ("The offer matched the Soviet position at the earlier Reagan-Gorbachev summit in Geneva.",
     {("Gorbachev", "Reagan", "held")}),
    # a plural title or a delegation filled with the people the article names so
    ("Sen. John Kerry and Sen. Chuck Hagel arrived in Damascus. The senators met with President Bashar al-Assad.",
     {("Bashar al-Assad", "Chuck Hagel", "John Kerry", "held")}),
    ("Sen. John Kerry and Sen. Chuck Hagel arrived. Three senators met with President Bashar al-Assad.", set()),
    ("The two foreign ministers met in Rome on Friday. Italy's foreign minister, Anna Rossi, said progress was made. "
     "French Foreign Minister Jean Dupont agreed.", {("Anna Rossi", "Jean Dupont", "held")}),
    ("The three foreign ministers met in Rome. Italy's foreign minister, Anna Rossi, said progress was made. "
     "French Foreign Minister Jean Dupont agreed.", set()),
    ("The finance ministers met in Paris on Sunday. Japanese Finance Minister Kiichi Miyazawa spoke first. "
     "U.S. Treasury Secretary James Baker said the dollar was stable.", {("James Baker", "Kiichi Miyazawa", "held")}),
    ("The EC ministers met in Paris. Belgian Finance Minister Mark Eyskens chaired. U.S. Treasury Secretary James "
     "Baker was in Washington.", set()),
    ("The Democratic senators met in Washington. Sen. John Kerry and Sen. Chuck Hagel spoke.", set()),
    # a regnal numeral is not the pronoun "I"
    ("During a summit in Chile on Saturday, the King of Spain, Juan Carlos I, told the President of Venezuela, "
     "Hugo Chávez, to be quiet.", {("Hugo Chávez", "Juan Carlos I", "held")}),
    # taking part: "took part in the talks", inverted; speaking just after the meeting
    ("Taking part in the talks were Chinese Foreign Minister Li Zhaoxing and Japanese Foreign Minister Nobutaka "
     "Machimura.", {("Li Zhaoxing", "Nobutaka Machimura", "held")}),
    ("Ministers met in Geneva. Japanese Finance Minister Kiichi Miyazawa told reporters after the meeting that "
     "the dollar was stable. West German Finance Minister Gerhard Stoltenberg said after the talks that he agreed.",
     {("Gerhard Stoltenberg", "Kiichi Miyazawa", "held")}),
    ("Miyazawa said after the meeting between Baker and Lawson that the dollar was stable.",
     {("Baker", "Lawson", "held")}),
    ("The mission, headed by Gabin Kankani, met Finance Ministry secretary Nailson Nobrega.",
     {("Gabin Kankani", "Nailson Nobrega", "held")}),
    # a country the tagger ran into the name after a title's "of"
    ("During the summit, Vladimir Voronin held discussions with President of Latvia Valdis Zatlers and Lithuanian "
     "President Valdas Adamkus.", {("Valdas Adamkus", "Valdis Zatlers", "Vladimir Voronin", "held")}),
    # ... or after an ambassador's "to", the name closing the title's phrase
    ("British Ambassador to Romania Quinton Quayle met Traian Basescu on Tuesday.",
     {("Quinton Quayle", "Traian Basescu", "held")}),
    # a country the tagger took for a person is no participant
    ("Mali President Amadou Toumani Touré met Nicolas Sarkozy in Paris.",
     {("Amadou Toumani Touré", "Nicolas Sarkozy", "held")}),
    # not meetings
    ("Prime Minister Stephen Harper and former prime minister Paul Martin spoke. "
     "The Prime Minister met Michaëlle Jean.",
     set()),
    ("\"I met Vladimir Putin,\" Emmanuel Macron and Olaf Scholz said.", set()),
    ("Angela Merkel's budget met expectations.", set()),
    ("Angela Merkel sent a letter to Vladimir Putin.", set()),
    ("Angela Merkel gave a speech about Vladimir Putin.", set()),
    ("George Bush held a press conference on Vladimir Putin.", set()),
    ("Barack Obama spoke to reporters in Chicago.", set()),
    ("George Bush called Samuel Alito one of the most accomplished judges in America.", set()),
    ("Charles Pasqua denied having met Tariq Aziz.", set()),
    ("Officials met with Angela Merkel and Emmanuel Macron.", set()),
    ("Gabriel Pollard spoke to John Key via email.", set()),
    ("Zhu Rongji said Lien Chan's visit was important.", set()),
    ("Alan Johnson supports John Prescott's call for a new party.", set()),
    ("The plan was met with criticism from Emmanuel Macron.", set()),
    ("Angela Merkel praised Emmanuel Macron before meeting reporters.", set()),
    ("Angela Merkel met the deadline.", set()),
    ("Angela Merkel did not meet Emmanuel Macron.", set()),
    ("Angela Merkel received a letter from Emmanuel Macron.", set()),
    ("Angela Merkel talked about Emmanuel Macron.", set()),
    ("Angela Merkel discussed her ties with Vladimir Putin.", set()),
    ("Angela Merkel and Emmanuel Macron spoke at the rally.", set()),
    ("Angela Merkel discussed the budget.", set()),
    ("Mary Landrieu received 31,499 votes (29%); Ron Forman, 18,734 votes (17%).", set()),
    ("Vsevolod Murakhovsky praised French companies Rhone-Poulenc, Pechiney and Imec. He said he had discussed "
     "packaging technology for agricultural products with Pechiney.", set()),
    ("Angela Merkel and Emmanuel Macron attended the funeral.", set()),
    # an abbreviated title is one word of the title, not a name and not the end of a sentence
    ("Marine Cpl. Arnold Bracy met Army Sgt. Clayton Lonetree in Moscow.",
     {("Arnold Bracy", "Clayton Lonetree", "held")}),
    ("Joe Clark today held discussions with Treasury Secretary James Baker and Democratic Sens. Patrick Moynihan of "
     "New York and Christopher Dodd of Connecticut.",
     {("James Baker", "Joe Clark", "held"), ("Joe Clark", "Patrick Moynihan", "held"),
      ("Christopher Dodd", "Joe Clark", "held")}),
    # one visitor and a list of people met: a meeting with each, as the annotation guide reads a visit; one meeting
    # of them all when they met the visitor together (a welcoming party, "talks between")
    ("Condoleezza Rice met with Prime Minister Costas Karamanlis and Foreign Minister Dora Bakoyannis in Athens.",
     {("Condoleezza Rice", "Costas Karamanlis", "held"), ("Condoleezza Rice", "Dora Bakoyannis", "held")}),
    ("Dilson Funaro held discussions on Friday with Paul Volcker, Treasury Secretary James Baker and other officials.",
     {("Dilson Funaro", "Paul Volcker", "held"), ("Dilson Funaro", "James Baker", "held")}),  # the unnamed rest
    ("Pope Benedict XVI was met at the airport by King Juan Carlos and Prime Minister José Luis Rodríguez Zapatero.",
     {("Benedict XVI", "Juan Carlos", "Rodríguez Zapatero", "held")}),
    # a meeting noun's agent, through the point of the talks it is at
    ("Karl Weber said the zones were changed as a result of the meeting on Monday with Treasury Secretary Jean "
     "Dupont.", {("Jean Dupont", "Karl Weber", "held")}),
    ("At the end of two days of talks with Jean Dupont, Karl Weber said the plan was sound.",
     {("Jean Dupont", "Karl Weber", "held")}),
    # "he" after a sentence whose subject is a title with the name in apposition
    ("The energy minister, Karl Weber, said prices would hold. He spoke to reporters after meeting President Jean "
     "Dupont.", {("Jean Dupont", "Karl Weber", "held")}),
    # ... and after a report of no person's, the subject of what it reports
    ("Officials said Secretary Karl Weber will meet President Anna Rossi on April 28. He will also meet Finance "
     "Secretary Jean Dupont.", {("Anna Rossi", "Karl Weber", "planned"), ("Jean Dupont", "Karl Weber", "planned")}),
    # two people who did something "in talks" were in them together
    ("Agriculture Secretary Karl Weber and Trade Representative Jean Dupont took a hard line on beef and citrus in "
     "talks here last week.", {("Jean Dupont", "Karl Weber", "held")}),
    ("Karl Weber, a negotiator in the six-party talks, met reporters.", set()),
])
def test_meetings(nlp, text, expected):
    assert meetings(nlp, text) == expected


def test_role_only_participants_resolve_to_the_named_holders(nlp):
    text = ("Russian Defence Minister Sergei Shoigu and his Turkish and Syrian counterparts, Hulusi Akar and "
            "Ali Mahmoud Abbas, discussed the war.\n\n"
            "The defence ministers of Russia, Turkey and Syria met in Moscow on Wednesday.")
    extraction, names = read(nlp, text)
    # Both sentences state the meeting ("discussed" by the three joined as its subject); resolution merges them.
    assert [m.trigger for m in extraction.meetings] == ["discussed", "met"]
    for meeting in extraction.meetings:
        assert sorted(names[p] for p in meeting.participants) == ["Ali Mahmoud Abbas", "Hulusi Akar", "Sergei Shoigu"]
    meeting = extraction.meetings[1]
    assert (names[meeting.place], meeting.date_text, meeting.mode) == ("Moscow", "Wednesday", "in_person")


def test_attendance_joins_the_meeting_just_reported(nlp):
    text = ("Hu Jintao had lunch today with Luiz Inácio Lula da Silva at the Granja do Torto.\n\n"
            "Some Brazilian ministers were present at the event: Antonio Palocci, Dilma Rousseff and Celso Amorim.")
    extraction, names = read(nlp, text)
    assert {names[p] for m in extraction.meetings for p in m.participants} == {
        "Hu Jintao", "Luiz Inácio Lula da Silva", "Antonio Palocci", "Dilma Rousseff", "Celso Amorim"}
    assert {m.status for m in extraction.meetings} == {"held"}


@pytest.mark.parametrize(("verb", "joins"), [("attended", True), ("did not attend", False), ("will attend", False),
                                             ("is expected to attend", False), ("refused to attend", False)])
def test_attendance_is_of_those_who_were_there(nlp, verb, joins):
    text = f"Hu Jintao met Luiz Inácio Lula da Silva in Brasilia today.\n\nDilma Rousseff {verb} the meeting."
    extraction, names = read(nlp, text)
    assert "Dilma Rousseff" in names.values()
    people = {names[p] for m in extraction.meetings if m.status == "held" for p in m.participants}
    assert people == {"Hu Jintao", "Luiz Inácio Lula da Silva"} | ({"Dilma Rousseff"} if joins else set())


@pytest.mark.parametrize(("title", "leader"), [("United Nations Secretary-General", "The U.N. chief"),
                                               ("UN Secretary-General", "The UN leader"),
                                               ("NATO Secretary General", "The NATO head")])
def test_an_organisation_s_leader_is_the_holder_of_its_leading_office(nlp, title, leader):
    text = f"{title} Ban Ki-moon arrived in Nairobi on Monday.\n\n{leader} met with Kenyan President Mwai Kibaki."
    assert meetings(nlp, text) == {("Ban Ki-moon", "Mwai Kibaki", "held")}


def test_phone_and_video_modes(nlp):
    extraction, _ = read(nlp, "Vladimir Putin spoke with Angela Merkel by phone.\n\n"
                              "Joe Biden held a video call with Xi Jinping.")
    assert sorted(m.mode for m in extraction.meetings) == ["phone", "video"]


def test_pronoun_participant_takes_the_preceding_subject(nlp):
    text = ("Turkish President Recep Tayyip Erdogan announced a new plan.\n\n"
            "On various occasions, the Turkish leader said he could meet Syria's President Bashar al-Assad.")
    assert meetings(nlp, text) == {("Bashar al-Assad", "Recep Tayyip Erdogan", "possible")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkish defence minister Hulusi Akar spoke.", ("Hulusi Akar", "defence minister", "Turkey")),
    ("Russia's defence minister Sergei Shoigu spoke.", ("Sergei Shoigu", "defence minister", "Russia")),
    ("Syria's President Bashar al-Assad spoke.", ("Bashar al-Assad", "president", "Syria")),
    ("Hakan Fidan, the head of the National Intelligence Organisation (MIT), spoke.",
     ("Hakan Fidan", "head", "National Intelligence Organisation")),
    ("The head of its National Intelligence Organisation (MIT), Hakan Fidan, spoke.",
     ("Hakan Fidan", "head", "National Intelligence Organisation")),
    # A title written with "of", a hyphenated one, and a body's initials before it
    ("US Secretary of State Condoleezza Rice spoke.", ("Condoleezza Rice", "secretary of state", "United States")),
    ("UN Secretary-General Ban Ki-moon spoke.", ("Ban Ki-moon", "secretary-general", "UN")),
    ("CIA Director Porter Goss spoke.", ("Porter Goss", "director", "CIA")),
    # Words run in before the body are no part of the title; "former" is
    ("2006 Israel-Lebanon conflict United Nations Secretary General Kofi Annan spoke.",
     ("Kofi Annan", "secretary general", "United Nations")),
    ("Former CIA officer Tyler Drumheller spoke.", ("Tyler Drumheller", "former officer", "CIA")),
])
def test_roles(nlp, text, expected):
    extraction, names = read(nlp, text)
    assert {(names[r.holder], r.title, names[r.of]) for r in extraction.roles} == {expected}


def test_demonym_is_a_country_and_a_reporter_is_a_person(nlp):
    extraction, _ = read(nlp, "Al Jazeera's Sinem Koseoglu said Turkish officials want talks.")
    kinds = {(m.name, m.kind) for m in extraction.mentions}
    assert ("Turkey", "Country") in kinds and ("Sinem Koseoglu", "Person") in kinds


def test_titles_leave_names_and_a_quoted_nickname_is_no_mention(nlp):
    _, names = read(nlp, "V.P. Cheney met Rear Adm. Gregory Smith and Councillor Chris Thompson in Washington. "
                         "Critics call the President-elect 'No Drama Obama'. Barack Obama smiled.")
    people = set(names.values())
    assert {"Cheney", "Gregory Smith", "Chris Thompson", "Barack Obama"} <= people
    assert not any("Drama" in name or "." in name or "Councillor" in name for name in people), people


def test_titles_without_an_organisation_are_kept_and_a_place_leaves_a_name(nlp):
    extraction, names = read(nlp, "President Bush and Vice-President Cheney met Mr Smith. The Howard government "
                                  "agreed. \"It speaks for itself,\" said mayor of Buffalo, Byron W. Brown in "
                                  "reference to the strike.")
    titles = {(names[r.holder], title_key(r.title)) for r in extraction.roles if r.of is None}
    assert titles == {("Bush", "president"), ("Cheney", "vice president"), ("Howard", "government")}
    assert "Byron W. Brown" in names.values()


def test_a_name_the_tagger_split_or_took_for_an_organisation_is_one_person(nlp):
    # The tagger reads "Rear Admiral Gregory Smith" and "Buffalo, Byron Brown" as organisations, and "Santosh" as an
    # organisation before "Kumar Singh"; the article calls each of them a person elsewhere.
    _, names = read(nlp, "\"Five brigade combat teams will be redeployed,\" said U.S. military in Iraq spokesman, "
                         "Rear Admiral Gregory Smith. Smith also mentioned that two battalions would leave.\n\n"
                         "Mayor of Buffalo, Byron Brown said it would be \"catastrophic\" for the city. \"We have a "
                         "Police Department that is very responsible,\" said Brown.\n\n"
                         "The Delhi high court awarded the death sentence today to Santosh Kumar Singh, who was "
                         "convicted of murder. The court said, \"Santosh Singh had been given many chances.\"")
    people = set(names.values())
    assert {"Gregory Smith", "Byron Brown", "Santosh Kumar Singh"} <= people, people
    assert not {"Santosh", "Kumar Singh", "Rear Admiral Gregory Smith"} & people, people


@pytest.mark.parametrize("text, not_people, people", [
    ("NASA moved the Space Shuttle Discovery to a museum on Monday. Space Shuttle Discovery flew 39 missions.",
     {"Space Shuttle Discovery"}, set()),
    ("Mozilla released Firefox on Tuesday. The Firefox browser is free, said Mitchell Baker.",
     {"Firefox"}, {"Mitchell Baker"}),
    ("Jambula treats malaria, its makers say. Farmers grow jambula in Kampala, said Dr. Jane Otieno.",
     {"Jambula"}, {"Jane Otieno"}),
    # a version's number, a work's noun before it (over a first name), a firm's product by its last word
    ("Microsoft's Internet Explorer 9 is out. Microsoft's Internet Explorer lost users.", {"Internet Explorer"},
     set()),
    ("Margaret Atwood launched her graphic novel Angel Catbird on Friday.", {"Angel Catbird"}, {"Margaret Atwood"}),
    ("Mozilla Firefox, its main rival, gained users. Usually, Internet Explorer is the #2 browser after Firefox.",
     {"Firefox"}, set()),
    ("Ehud Olmert, whose centrist Kadima party won, spoke. Kadima will lead.", {"Kadima"}, {"Ehud Olmert"}),
    ("A bomb went off in Tuz Khurmatu on Monday. Two policemen were hurt.", {"Tuz Khurmatu"}, set()),
    ("The team travelled to Belo Horizonte. The heat of Belo Horizonte was hard.", {"Belo Horizonte"}, set()),
    ("The injured are being moved to Dahuk, about 60 miles north of Qahtaniya.", {"Dahuk"}, set()),
    ("Sanwa Bank Ltd bought a small stake in Banco Totta. Sanwa said the deal was worth 10 mln dlrs.", {"Sanwa"},
     set()),  # a firm's short name, though it "said"
    ("The eight are Adam Khatib, 19, Ibrahim Savant 25, and Waheed Zaman, 22.", set(),
     {"Adam Khatib", "Ibrahim Savant", "Waheed Zaman"}),  # an age written without its commas
    ("Mukherjee visited France on Tuesday. Mukherjee left on Friday.", set(), {"Mukherjee"}),  # never in lower case
    ("Qin Gang spoke in Beijing. Qin said the talks went well.", set(), {"Qin Gang"}),  # a surname written first
    # a firm's noun in apposition, right after the name; not the apposition of an organisation after it
    ("Petronas, the state oil company, signed the deal on Monday.", {"Petronas"}, set()),
    ("\"The winner won't be known until the last second,\" said Marko Blagojevic of Belgrade's Centre for Free "
     "Elections and Democracy, a monitoring group.", set(), {"Marko Blagojevic"}),
    # a place's noun, an outlet's noun before the name or after a list of names
    ("An attack against Ras Kamboni, a remote island near the Kenyan border, was reported.", {"Ras Kamboni"}, set()),
    ("According to Cambio and Semana magazines, Jorge Noguera was appointed consul.", {"Cambio"}, {"Jorge Noguera"}),
    # an acronym ("enabling MONUC to reinforce"), money in wire copy
    ("The resolution states that this temporary increase in personnel aims at enabling MONUC to reinforce its "
     "capacity to protect civilians.", {"MONUC"}, set()),
    ("Exports rose to 1.2 billion U.S. Dlrs in March, said Lin Chen.", {"U.S. Dlrs"}, {"Lin Chen"}),
    # what shows a person: a surname used alone, a title, a pronoun, an age, the name list
    ("Tiziano Lugli left the group in 2010. Lugli said the threats went on.", set(), {"Tiziano Lugli"}),
    ("Mukherjee had, on Tuesday, visited France, where he had talks with Emmanuel Macron.", set(),
     {"Mukherjee", "Emmanuel Macron"}),
    ("The offer matched the position at the earlier Reagan-Gorbachev summit in Geneva.", set(),
     {"Reagan", "Gorbachev"}),
    # listed with places or peoples, or a large city's name listed with a place; a firm's legal form after the name
    ("The court has brought charges against Croats as well as Serbs.", {"Croats"}, set()),
    ("Clubs may field Scottish, Welsh and Northern Irish players.", {"Welsh"}, set()),
    ("Protests were held in the cities of Mérida, Maracaibo, Barquisimeto and Valencia.", {"Maracaibo"}, set()),
    ("Keith Skeoch, chief economist at stockbrokers James Capel and Co, said rates would fall.", {"James Capel"},
     {"Keith Skeoch"}),
    # one word the tagger calls a person and, in every mention, a common noun or adjective
    ("Groundwater is the primary source of water for drinking and irrigation.", {"Groundwater"}, set()),
    # a place's noun the name modifies; a fictional character
    ("Two F-16s violated Turkish airspace for four minutes over Hakkari province on 14 May 2007.", {"Hakkari"}, set()),
    ("She wore a costume based on Hellboy character Abe Sapien, which lacks eyeholes.", {"Abe Sapien"}, set()),
    # a body's word at the end of a name over a first name at its start; a party's noun before the name
    ("Denmark is issuing a eurobond due 1992, lead manager Morgan Stanley International said.",
     {"Morgan Stanley International"}, set()),
    ("The far-right party Vlaams Belang was predicted to become the second largest party.", {"Vlaams Belang"}, set()),
    # a place's, an outlet's or a holding's noun before the name
    ("The target was a restaurant in a market town, Sungai Golok, which borders with Malaysia.", {"Sungai Golok"},
     set()),
    ("Her left-wing newspaper, Il Manifesto, said the bullet had passed through the car.", {"Il Manifesto"}, set()),
    ("The placement will consist of one mln shares of Amir Mines at 2.90 dlrs per share.", {"Amir Mines"}, set()),
    ("Gen. George Casey, commander of U.S. forces in Iraq and Zalmay Khalilzad, ambassador to Iraq, issued a joint "
     "apology Thursday.", set(), {"Zalmay Khalilzad"}),
    # a one-word name after a place and a comma is its region; a full name after a title's place is its holder
    ("The plant in Turbotville, Penn, made a loss.", {"Penn"}, set()),
    ("Police defused two devices in Almería, Andalucía, on Sunday. The Chief Minister of Karnataka, Dharam Singh, "
     "said the city would be renamed.", {"Andalucía"}, {"Dharam Singh"}),
    # one word with nothing that shows a person; a surname that speaks, or that has an era, is one
    ("Ivanov stated: \"I stake my life that no munitions left the Russian military bases\". Transdniestria has its "
     "own army that can defend very well its own depots, Ivanov added.", {"Transdniestria"}, {"Ivanov"}),
    ("The package favoured by Eyskens, who has described Belgium as a fiscal Himalaya, is the least costly.",
     {"Himalaya"}, set()),
    ("The plan was drawn up by Kowalczyk, who chairs the finance committee.", set(), {"Kowalczyk"}),
    ("Officials in the Bush administration privately threatened the organizers of the conference.", set(), {"Bush"}),
    # an outlet's plural noun ending the name; an owner's 's inside it
    ("\"I don't want comfort,\" she told Cox Newspapers, \"I want the truth.\"", {"Cox Newspapers"}, set()),
    ("I think I can bring my organizing skills in the labour movement to Queen’s Park.", {"Queen’s Park"}, set()),
    ("At a press conference, Culberson showed off his Blackberry and camera, and he smiled.", {"Blackberry"},
     set()),
    # a place's noun after or ending the name outweighs a first name; a web address is an outlet's
    ("The Task Force has responsibility for the entire province, which is north of Al Basrah province.",
     {"Al Basrah"}, set()),
    ("Esteban Magnani, author of a book about worker cooperatives in Argentina, told UpsideDownWorld.org that the "
     "number of cooperatives grew.", {"UpsideDownWorld.org"}, set()),
    # a programme's or a bulletin's name, though it opens with a first name
    ("Michael Schiavo was asked about it on Larry King Live on Monday.", {"Larry King Live"}, {"Michael Schiavo"}),
    # a city's name of several words, the subject of a verb no person alone does
    ("The agency said crop areas in Cordoba, Santa Fe, and Buenos Aires received only light scattered showers.",
     {"Buenos Aires"}, set()),
    # every word of it written in lower case elsewhere: common words the tagger took for a name
    ("Austin law classifies Public Intoxication as a Class C misdemeanor, while Resisting Arrest is a Class A "
     "misdemeanor. He was charged with resisting arrest and public intoxication.", {"Resisting Arrest"}, set()),
    ("This is a regime change, like in the Hitler era, said Deniz Baykal.", set(), {"Hitler", "Deniz Baykal"}),
    # a place's noun ends it
    ("The Flint Journal quoted Genesee County Prosecutor David Leyton as stating \"I'm shocked.\"", {"Genesee County"},
     {"David Leyton"}),
    # a party, a seat or a state in brackets after a person's name
    ("Tony Abbott (Liberal, Warringah) was then ejected for an hour.", {"Liberal, Warringah"}, {"Tony Abbott"}),
    ("Also challenging Guergis is Peter Vander Zaag (Christian Heritage), a farmer.", {"Christian Heritage"},
     {"Peter Vander Zaag"}),
])
def test_a_name_is_a_person_by_what_the_whole_article_shows(nlp, text, not_people, people):
    extraction, _ = read(nlp, text)
    found = {m.name for m in extraction.mentions if m.kind == "Person"}
    assert people <= found and not (not_people & found), found
    assert {change.name for change in extraction.kind_changes} == not_people
    assert all("shows a person" in change.reason for change in extraction.kind_changes)


@pytest.mark.parametrize("title, full", [
    ("Controversial Florida attorney Jack Thompson disbarred", "Jack Thompson"),
    ("Wayne Allyn Thompson wins Missouri Libertarian primary", "Wayne Allyn Thompson"),
    ("Prince Thompson of Ruritania disbarred", "Thompson"),  # a title, though the census lists it as a first name
])
def test_a_surname_the_body_never_writes_in_full_takes_the_headlines_full_name(nlp, title, full):
    body = "Mr. Thompson told reporters on Thursday that he would appeal."
    extraction = extract(nlp(body), Article("a1", title, body, "2008-09-26", None, "a1.txt"))
    assert {m.name for m in extraction.mentions if m.kind == "Person"} == {full}


@pytest.mark.parametrize("text, person, not_a_name", [
    ("Taliban commander Mullah Dadullah told Reuters that insurgents had shot the helicopter down.", "Dadullah",
     "Mullah Dadullah"),  # a cleric's title, as "Imam" or "Rabbi"
    ("In the blog post Chris Wright, the Chief Technological Officer of Red Hat, said the plan had changed.",
     "Chris Wright", "Chief Technological Officer"),  # a post, whatever the tagger calls it
])
def test_a_title_is_neither_part_of_a_name_nor_a_name(nlp, text, person, not_a_name):
    names = set(read(nlp, text)[1].values())
    assert person in names and not_a_name not in names, names


def test_a_name_gets_back_the_last_word_the_tagger_left_out(nlp):
    # the tagger reads "Lee Hsien" as the person and leaves "Loong", the word the name's words hang on, out
    names = set(read(nlp, "George W. Bush discussed trade and terrorism issues with the Singapore Prime Minister "
                          "Lee Hsien Loong.")[1].values())
    assert "Lee Hsien Loong" in names and "Lee Hsien" not in names, names


def test_names_are_cleaned_of_captions_headline_tails_brackets_and_other_scripts(nlp):
    text = ("Дмитрий Кошелев met Anna Rossi on Monday. Photo of Phil CollinsImage at the show. Then corona और HIV "
            "डोनो एक साथ came. Publish Archive-unreviewed. "
            "Helena Guergis (Conservative) won the seat. Kwok Wai - keung spoke for the party.")
    extraction, _ = read(nlp, text)
    names = {m.name for m in extraction.mentions}
    assert {"Anna Rossi", "Phil Collins", "Helena Guergis", "Kwok Wai-keung"} <= names, names
    assert not any("Image" in n or "(" in n or "Дмитрий" in n or "HIV" in n or "Archive" in n for n in names), names


def test_a_news_outlet_tagged_as_a_person_is_an_organisation(nlp):
    extraction, _ = read(nlp, "The Chosun Ilbo newspaper said on Monday that talks would resume. Jiji reported it. "
                              "Wikinews spoke to Jo Jorgensen on Monday. She told Wikinews she would run.")
    kinds = {m.name: m.kind for m in extraction.mentions}
    assert kinds.get("Chosun Ilbo") == "Organisation" and kinds.get("Jiji") == "Organisation", kinds
    assert kinds.get("Wikinews") == "Organisation", kinds  # an agency's own name, though it "spoke"
    assert all("news outlet" in change.reason for change in extraction.kind_changes)


def test_a_name_in_angle_brackets_is_a_company_without_its_brackets(nlp):
    # Wire copy marks companies so: "<Laurie Milbank and Co>", "<Pratt and Whitney>".
    extraction, _ = read(nlp, "Stockbrokers <Laurie Milbank and Co> and <James Capel> bought the shares, said Jim "
                              "Leslie. United Technologies unit <Pratt and Whitney> will supply the engines.")
    kinds = {m.name: m.kind for m in extraction.mentions}
    assert not any("<" in n or ">" in n for n in kinds), kinds
    assert {n for n, k in kinds.items() if k == "Person"} == {"Jim Leslie"}, kinds


def test_a_word_made_of_a_name_is_no_person(nlp):
    # A typo that runs a word into a name ("ofHamas") is no one; nor is "anti-Funaro", a word made of a name.
    extraction, _ = read(nlp, "Mahmoud Abbas, Ismail Haniyeh and Khaled Meshaal ofHamas arrived in Mecca.")
    people = {m.name for m in extraction.mentions if m.kind == "Person"}
    assert people == {"Mahmoud Abbas", "Ismail Haniyeh", "Khaled Meshaal"}, people


def test_a_first_name_and_a_surname_the_article_calls_a_person_are_a_person(nlp):
    # The tagger reads "Morgan Tsvangirai" as an organisation; "Tsvangirai said" is a person's surname.
    extraction, _ = read(nlp, "Morgan Tsvangirai led the Movement for Democratic Change. Tsvangirai said he would run.")
    kinds = {m.name: m.kind for m in extraction.mentions}
    assert kinds["Morgan Tsvangirai"] == "Person" and kinds["Movement for Democratic Change"] == "Organisation", kinds


def test_a_title_alone_is_no_name_and_a_party_or_a_seat_is_no_part_of_one(nlp):
    extraction, _ = read(nlp, "Sgt Smith and Cpl Jones were hurt. The Queen said the Chief Executive would resign. "
                              "Billy King met Larry Brown. Labour MPs cheered Margaret Beckett MP and Liberal Bob "
                              "Rae.")
    people = {m.name for m in extraction.mentions if m.kind == "Person"}
    assert people == {"Smith", "Jones", "Billy King", "Larry Brown", "Margaret Beckett", "Bob Rae"}, people


def test_titles_units_and_transcript_labels_are_not_names(nlp):
    extraction, _ = read(nlp, "Prosecutor Fred Borch said the Third Brigade left. Cde Mugabe spoke. "
                              "Is it offensive?:KN No, said Kira Nerusskaya. The deal with Montedison SpA was "
                              "signed by Bankers Trust.")
    people = {m.name for m in extraction.mentions if m.kind == "Person"}
    assert people == {"Fred Borch", "Mugabe", "Kira Nerusskaya"}, people  # not a company by its legal form


@pytest.mark.parametrize(("text", "expected"), [
    # people placed at a meeting the article named by what they did there, after or before the verb
    ("The leaders met in Rome on Friday. Prime Minister Romano Prodi signed the declaration at the summit. Angela "
     "Merkel said during the summit that trade mattered.", {("Angela Merkel", "Romano Prodi", "held")}),
    # a participle's subject is the one it describes
    ("The leaders met in Rome on Friday. Romano Prodi, speaking at the summit, praised the deal. Angela Merkel "
     "signed it at the summit.", {("Angela Merkel", "Romano Prodi", "held")}),
    # "where" and "at which" clauses of a meeting name what happened there
    ("The visit follows last month's conference in Oslo, where Ehud Olmert and Mahmoud Abbas agreed to begin "
     "regular talks.", {("Ehud Olmert", "Mahmoud Abbas", "held"), ("Ehud Olmert", "Mahmoud Abbas", "planned")}),
    # a news conference is given to the press, by one side: those who speak at it did not meet
    ("Jim Wright and Robert Byrd told a news conference that the plan would pass.", set()),
    ("Jim Wright said at a press conference that Robert Byrd agreed.", set()),
    ("Angela Merkel and Nicolas Sarkozy told a joint news conference that the euro would stay.",
     {("Angela Merkel", "Nicolas Sarkozy", "held")}),
    # a country's leader, and one's counterpart, are the holders of its offices the article names
    ("Venezuelan President Hugo Chavez arrived in Tehran. The Venezuelan leader met Iranian President Mahmoud "
     "Ahmadinejad.", {("Hugo Chavez", "Mahmoud Ahmadinejad", "held")}),
    ("Iranian President Mahmoud Ahmadinejad visited Caracas. Hugo Chavez met his Iranian counterpart on Monday.",
     {("Hugo Chavez", "Mahmoud Ahmadinejad", "held")}),
    ("Iranian Vice President Parviz Davoodi visited Caracas. Hugo Chavez met the Iranian leader on Monday.", set()),
    # the sentence before a pronoun is the one with words, not a closing quote the parser left on its own
    ('Prime Minister Tony Blair says the government offers "new hopes for the country."\n\nHe was speaking at a '
     "news conference with Iraqi Prime Minister Nouri al-Maliki.", {("Nouri al-Maliki", "Tony Blair", "held")}),
    # "she" two sentences on, when the sentence between names no person, is the subject before it
    ("Condoleezza Rice arrived in Athens on Monday. Thousands marched against the visit. She met Costas Karamanlis "
     "in the evening.", {("Condoleezza Rice", "Costas Karamanlis", "held")}),
    ("Condoleezza Rice arrived in Athens on Monday. Protesters shouted at Tony Blair. She met Costas Karamanlis "
     "in the evening.", set()),
    # "he" opening a clause under one whose subject is no person: the one person named before it in the sentence
    ("A government spokesman said the French position was made clear to Germany's ambassador Karl Weber when he met "
     "Italian Deputy Foreign Minister Anna Rossi last week.", {("Anna Rossi", "Karl Weber", "held")}),
    # a present tense in a "when" clause above the meeting is still to come
    ("Officials have said Jean Dupont's main demand when he arrives for talks with Anna Rossi on Wednesday would be "
     "the lifting of the tariffs.", {("Anna Rossi", "Jean Dupont", "planned")}),
    # what one "managed to" do was done
    ("Despite the storm, Angela Merkel managed to meet with Emmanuel Macron.",
     {("Angela Merkel", "Emmanuel Macron", "held")}),
    # who a meeting was attended by, as the parser hangs the participle on the noun or on the clause
    ("The statement was issued after a meeting, attended by Defence Secretary Karl Weber, Foreign Minister Anna Rossi "
     "and Trade Minister Jean Dupont.", {("Anna Rossi", "Jean Dupont", "Karl Weber", "held")}),
    ("The meeting was attended by farm ministers from both countries and by President Jean Dupont and by Chancellor "
     "Karl Weber.", {("Jean Dupont", "Karl Weber", "held")}),
    # a name after a title, in apposition, is a person's though the tagger calls it a place
    ("The President of Chile, Ricardo Lagos, met Jonathan Pereira on Monday.",
     {("Jonathan Pereira", "Ricardo Lagos", "held")}),
    # a surname of someone the article names in full, which the tagger read as a common word
    ("President Donald Trump spoke with Volodymyr Zelensky in July. Trump characterized the call with Zelensky as "
     "routine.", {("Donald Trump", "Volodymyr Zelensky", "held"), ("Trump", "Zelensky", "held")}),
])
def test_meetings_read_from_the_whole_article(nlp, text, expected):
    assert meetings(nlp, text) == expected


def test_the_first_name_of_a_list_of_people_is_a_person_and_so_is_a_name_after_a_person_noun(nlp):
    extraction, _ = read(nlp, "Irish Taoiseach Bertie Ahern and British Prime Minister Tony Blair met in Belfast. "
                               "They spoke with Tokyo stock exchange head Michio Takeuchi.")
    people = {m.name for m in extraction.mentions if m.kind == "Person"}
    assert {"Bertie Ahern", "Tony Blair", "Michio Takeuchi"} <= people


def test_a_name_in_apposition_to_a_word_for_a_person_is_that_person_not_the_role_s_holder(nlp):
    text = ("Japanese Prime Minister Junichiro Koizumi visited the shrine. South Korean Foreign Minister Ban Ki-moon "
            "met his Japanese counterpart, Nobutaka Machimura, on Monday.")
    extraction, _ = read(nlp, text)
    assert {m.name: m.kind for m in extraction.mentions}["Nobutaka Machimura"] == "Person"  # the tagger: ORG
    assert meetings(nlp, text) == {("Ban Ki-moon", "Nobutaka Machimura", "held")}  # not Koizumi, Japan's leader


def test_a_law_a_policy_or_an_institution_is_no_person_but_a_surname_is(nlp):
    extraction, _ = read(nlp, "Reform of the EC's Common Agricultural Policy, widely seen as the root cause of the "
                              "EC's farm surpluses, is due to be discussed by EC farm ministers later this month. "
                              "Jude Law starred in the film. Law said he enjoyed it.")
    people = {m.name for m in extraction.mentions if m.kind == "Person"}
    assert "Common Agricultural Policy" not in people and {"Jude Law", "Law"} <= people, people


def test_a_misspelt_title_a_caption_word_and_a_typed_possessive_are_no_part_of_a_name(nlp):
    extraction, _ = read(nlp, "Prime Minsiter Yasuhiro Nakasone met Ronald Reagan on Monday. Simon Beaufoy ‘s "
                              "screenplay won, said Danny Boyle. Photobucket user Jane Doe said it.")
    people = {m.name for m in extraction.mentions if m.kind == "Person"}
    assert {"Yasuhiro Nakasone", "Simon Beaufoy"} <= people, people
    assert not any("Minsiter" in p or "‘" in p or p == "Photobucket" for p in people), people


@pytest.mark.parametrize("text, person", [
    ("Mike Hall, chief executive of the Fire Service, said he was pleased.", "Mike Hall"),
    ("The court had four women since Justice Sandra Day O'Connor retired.", "Sandra Day O'Connor"),
])
def test_a_surname_that_is_also_a_building_s_word_ends_a_person_s_name(nlp, text, person):
    extraction, _ = read(nlp, text)
    assert person in {m.name for m in extraction.mentions if m.kind == "Person"}


def test_a_quotation_s_speaker_described_by_a_post_meets_the_one_holder_of_the_office_named(nlp):
    text = ("The Environment minister, David Benson-Pope, announced the rules. Mike Hall, chief executive of the "
            "Fire Service, said he was pleased. \"I met with the minister in November and expressed our concerns.\"")
    extraction, names = read(nlp, text)
    [meeting] = extraction.meetings
    assert sorted(names[p] for p in meeting.participants) == ["David Benson-Pope", "Mike Hall"]
    # Hall is the quotation's speaker; the post in apposition to his name is his, not a third party
    assert meeting.rules == ("meet-verb", "quote-speaker", "office-holder")


SUMMIT = ("The summit of African and European leaders {verb} in Lisbon. German Chancellor Angela Merkel criticised "
          "Zimbabwe's record. Ghana's President John Kufuor said Africa had taken the initiative. A spokesman, Paulo "
          "Lopes, said the summit was a success. Critics said the summit failed to agree on trade.")


def test_the_leaders_who_speak_in_an_article_about_a_summit_held_were_there(nlp):
    extraction, names = read(nlp, SUMMIT.format(verb="ended on Sunday"))
    [meeting] = extraction.meetings
    assert sorted(names[p] for p in meeting.participants) == ["Angela Merkel", "John Kufuor"]
    assert meeting.status == "held" and meeting.rules == ("summit-speaker",)


@pytest.mark.parametrize("text", [
    SUMMIT.format(verb="will open next week"),  # a summit still to come: nobody has spoken there yet
    SUMMIT.format(verb="ended on Sunday").replace(" Critics said the summit failed to agree on trade.", ""),
])
def test_no_summit_speakers_before_the_summit_or_in_an_article_not_about_one(nlp, text):
    assert meetings(nlp, text) == set()


@pytest.mark.parametrize("text, place, date", [
    ("Talks between Nawaz Sharif and Asif Ali Zardari ended in London on Tuesday without a deal.", "London", "Tuesday"),
    ("The meeting between George Bush and Tony Blair occurred on April 16, 2004.", None, "April 16, 2004"),
    # the day a meeting is put off to is not its date
    ("A meeting between Nawaz Sharif and Asif Ali Zardari has been adjourned until Thursday.", None, None),
])
def test_a_meeting_noun_takes_the_place_and_time_of_the_verb_it_is_the_subject_of(nlp, text, place, date):
    extraction, names = read(nlp, text)
    [meeting] = extraction.meetings
    assert (names.get(meeting.place), meeting.date_text) == (place, date)


@pytest.mark.parametrize("text, status", [
    # the verb of taking part says whether and when one takes part in the talks
    ("Morgan Tsvangirai will participate in negotiations with President Robert Mugabe next week.", "planned"),
    ("Morgan Tsvangirai participated in negotiations with President Robert Mugabe on Monday.", "held"),
    # a meeting that sets the time of what is still to come is to come
    ("Canadian Energy Minister Marcel Masse will hold a news conference on Wednesday, following a meeting with his "
     "Alberta counterpart, Neil Webber.", "planned"),
])
def test_a_meeting_named_in_a_clause_takes_that_clause_s_time(nlp, text, status):
    assert {m[-1] for m in meetings(nlp, text)} == {status}


def test_talking_to_a_person_is_a_meeting_with_them(nlp):
    text = ("Fouad Siniora, the Lebanese Prime Minister, talked to French Prime Minister Dominique de Villepin on the "
            "phone on July 15.")
    assert meetings(nlp, text) == {("Dominique de Villepin", "Fouad Siniora", "held")}


def test_a_country_s_demonym_the_tagger_took_into_a_name_is_no_part_of_it(nlp):
    for text, name in [
        ("Their chairman, Belgian Paul de Keersmaeker, told a press conference this morning that ministers voted.",
         "Paul de Keersmaeker"),
        ("The Manila newspaper published a letter from Ariadne's chairman, New Zealander Bruce Judge, on Monday.",
         "Bruce Judge"),
    ]:
        extraction, _ = read(nlp, text)
        assert name in {m.name for m in extraction.mentions if m.kind == "Person"}, extraction.mentions
