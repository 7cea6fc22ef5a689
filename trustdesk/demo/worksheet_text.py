"""Worked examples of the fear-reframing worksheet for the demo, written for
TrustDesk in the voice of the person filling them in. Each scenario is one kind of
situation that can come up more than once; the generator varies dates, ratings,
traps and how the small step went.

Careful in both directions: most fears here turn out to be false alarms, some stay
unclear, and some are right. In the last kind (verdict `red_flag`) the person
stops explaining a real danger away, belief in the fear rightly stays high, and
the small step is a safety step that goes well: keeping records, telling someone,
planning with a support service. People, places and services are made up."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    category: str
    situation: str
    who: str
    thought: str
    feelings: tuple[str, ...]
    evidence_for: tuple[str, ...]
    evidence_against: tuple[str, ...]
    verdict: str
    traps: tuple[str, ...]            # the ones this person tends to notice here
    balanced: str
    step: str
    prediction: str
    went_well: str                    # what happened when the fear didn't come true
    went_partly: str
    went_badly: str
    learned: str
    playing_safe: str = ""            # a habit that could spoil the step, if they noticed one


SCENARIOS = (
    Scenario(
        "rejection",
        "I sent Maya a long message on Friday and she still hasn't answered on Sunday.",
        "Maya",
        "She's annoyed with me and is pulling away.",
        ("Anxious", "Hurt", "Lonely"),
        ("She usually replies within a day.", "I said something a bit intense in it."),
        ("She told me her mother is in hospital this month.",
         "Last time she was quiet, she was just swamped.",
         "She invited me to her birthday two weeks ago."),
        "false_alarm",
        ("mind_reading", "personalising"),
        "Maya has a lot going on. A slow reply is about her weekend, not a verdict on me. "
        "If something were wrong, she has told me before.",
        "Send Maya a short, warm check-in without asking why she hasn't answered.",
        "She'll ignore it, or answer coldly.",
        "She answered within an hour, apologised, and we made plans for Thursday.",
        "She answered with a short 'sorry, crazy week', and we haven't talked properly yet.",
        "She didn't answer for three more days. It stung, and I survived it.",
        "A slow reply is usually about the other person's life, not about me.",
        playing_safe="Asking her if we're okay, when the point is to see what happens "
                     "without asking.",
    ),
    Scenario(
        "abandonment",
        "Sam said he needs an evening to himself this week.",
        "Sam",
        "This is the beginning of him leaving.",
        ("Afraid", "Sad", "Anxious"),
        ("My last partner started spending evenings alone before ending things.",),
        ("Sam said clearly that it's about being tired after work.",
         "He planned our weekend in the same breath.",
         "Needing time alone is normal; I need it too."),
        "false_alarm",
        ("fortune_telling", "overgeneralising", "catastrophising"),
        "Sam asking for time alone is a sign he trusts me with his needs. It isn't my "
        "old relationship repeating itself.",
        "Plan something nice for myself on his evening off instead of waiting by the phone.",
        "I'll spend the whole evening spiralling and he'll come back distant.",
        "I went to the cinema with Priya and Sam texted me a silly photo before bed.",
        "I enjoyed the film, but I still checked my phone more than I wanted to.",
        "I spiralled for a while, and then told Sam; he was kind about it.",
        "Space in a relationship doesn't mean distance in it.",
        playing_safe="Checking my phone all evening to see if he has texted.",
    ),
    Scenario(
        "failing",
        "I was asked to lead the team meeting next week.",
        "My manager and the team",
        "I'll freeze and everyone will see I'm not up to it.",
        ("Anxious", "Ashamed"),
        ("I stumbled over my words in a meeting last spring.",),
        ("My manager chose me because she liked my last report.",
         "I've explained harder things to Priya one to one.",
         "Nobody expects a perfect meeting."),
        "false_alarm",
        ("fortune_telling", "all_or_nothing", "labelling"),
        "I might be nervous, and I can still lead a decent meeting. Practice includes a "
        "few wobbly moments; that's how it gets easier.",
        "Run through the agenda out loud once with Priya before the meeting.",
        "I'll lose my thread and look foolish.",
        "The meeting went fine. I lost my place once, laughed, and carried on.",
        "I rushed the start, but the second half went well and people joined in.",
        "I did freeze for a moment, and a colleague helped me back on track without fuss.",
        "Being nervous and being capable can happen at the same time.",
        playing_safe="Writing a word-for-word script and reading it out without looking up.",
    ),
    Scenario(
        "betrayal",
        "Jonas mentioned something I had told him in confidence, in front of two others.",
        "Jonas",
        "I can't tell him anything. He doesn't care about keeping my secrets.",
        ("Hurt", "Angry", "Suspicious"),
        ("It really was something I had asked him to keep to himself.",),
        ("He has kept bigger things private for years.",
         "He looked embarrassed as soon as he said it.",
         "The others already knew part of it."),
        "not_sure",
        ("all_or_nothing", "overgeneralising", "emotional_reasoning"),
        "Jonas made a mistake, and it's fair that it hurt. One slip isn't the whole "
        "friendship. I can tell him how it felt and see what he does with that.",
        "Tell Jonas calmly that it hurt and ask him to be careful with it.",
        "He'll get defensive and say I'm overreacting.",
        "He apologised straight away and said he'd felt bad about it all evening.",
        "He apologised, but made a joke of it first, which I told him didn't help.",
        "He did get defensive. Later he messaged to say I was right.",
        "Saying what hurt, calmly, gives people a chance to repair it.",
    ),
    Scenario(
        "embarrassment",
        "I sang a wrong note, loudly, in the quiet part at choir.",
        "The choir",
        "Everyone noticed and now they think I don't belong there.",
        ("Embarrassed", "Ashamed"),
        ("A few people did look round.",),
        ("The alto next to me did the same thing last month and nobody cared.",
         "The director just smiled and carried on.",
         "Two people chatted with me in the break as usual."),
        "false_alarm",
        ("mind_reading", "mental_filter", "discounting_positive"),
        "Everybody sings a wrong note sometimes. People were busy with their own parts, "
        "and the ones who noticed have made the same mistake.",
        "Go to next week's practice and stay for the drink afterwards.",
        "People will be cool with me and I'll feel like an outsider.",
        "Nobody mentioned it. I ended up laughing about it myself at the pub.",
        "It was a bit awkward at first, then easy once we started singing.",
        "Someone teased me about it. It stung for a minute, then it was just a joke.",
        "People remember my mistakes far less than I do.",
        playing_safe="Leaving straight after the last song, so nobody can bring it up.",
    ),
    Scenario(
        "being_wrong",
        "I told Lea she had the date of Dad's birthday dinner wrong, and it was me.",
        "Lea",
        "She'll think I'm careless and never let me forget it.",
        ("Embarrassed", "Anxious"),
        ("She does tease me about old mistakes.",),
        ("She laughed it off on the phone.",
         "I've forgiven her for much bigger mix-ups.",
         "Admitting it quickly made it a small thing."),
        "false_alarm",
        ("catastrophising", "labelling", "should_statements"),
        "I got a date wrong and said so. That's what a reliable person does. Being "
        "wrong once doesn't make me careless.",
        "Be the one to bring it up and laugh about it at the dinner.",
        "She'll make a big deal of it in front of everyone.",
        "I brought it up first, everyone laughed, and Dad told a story about his own mix-up.",
        "Lea did tease me once, but it was affectionate, and I could take it.",
        "She told the whole table. It was embarrassing, and then the evening moved on.",
        "Owning a mistake out loud takes the sting out of it.",
    ),
    Scenario(
        "rejection",
        "Priya and two others went for lunch without asking me.",
        "Priya and the team",
        "They don't really like me; I'm only tolerated.",
        ("Hurt", "Lonely", "Sad"),
        ("It's the second time this month.",),
        ("I had said I was bringing lunch this week.",
         "Priya asked me to review her work yesterday.",
         "They did invite me to the Friday drinks."),
        "false_alarm",
        ("mind_reading", "personalising", "discounting_positive"),
        "They probably went on the spur of the moment. I can ask to join next time "
        "instead of waiting to be picked.",
        "Ask Priya if I can come along to lunch next time they go.",
        "She'll look awkward and make an excuse.",
        "She said 'of course, we just assumed you were busy', and we went on Wednesday.",
        "She said yes, though the lunch itself felt a little stiff.",
        "She said they'd already planned something, and then invited me for Friday instead.",
        "Asking to be included works better than waiting to be invited.",
    ),
    Scenario(
        "control",
        "Sam booked the restaurant for my birthday without asking what I wanted.",
        "Sam",
        "He's deciding things for me, like it used to be with my ex.",
        ("Angry", "Suspicious", "Anxious"),
        ("My ex made every decision and called it a surprise.",),
        ("Sam asked me about the weekend plans and changed them when I said no.",
         "He chose my favourite place.",
         "When I disagree, he listens."),
        "not_sure",
        ("overgeneralising", "emotional_reasoning"),
        "This feels like the past because it touches an old bruise. Sam's other choices "
        "show he respects mine. I can tell him I like being asked.",
        "Tell Sam I love the thought and that I'd like to be asked next time.",
        "He'll feel criticised and sulk.",
        "He said he'd wondered about that, thanked me, and asked what else I like.",
        "He was a little hurt at first, then said he understood.",
        "He did go quiet for an evening. The next day we talked it through properly.",
        "Telling someone how I like to be treated is a way of trusting them.",
    ),
    Scenario(
        "abandonment",
        "Ana is moving to another city for work next month.",
        "Ana",
        "Once she's gone, she'll forget about me.",
        ("Sad", "Lonely", "Afraid"),
        ("Friends have drifted away after moving before.",),
        ("Ana still calls her school friend every week.",
         "She asked me to visit in the spring.",
         "We have stayed close through busy times already."),
        "false_alarm",
        ("fortune_telling", "overgeneralising"),
        "Distance changes a friendship; it doesn't have to end it. I can do my part to "
        "keep in touch and see what she does with hers.",
        "Suggest a regular call with Ana before she leaves.",
        "She'll agree to be nice and then never pick up.",
        "We've had three calls so far, and she booked her train to visit in May.",
        "We talk less than before, but when we do, it's still us.",
        "She missed the first two calls. Then she rang late one night and we talked for hours.",
        "Friendships can stretch further than my fear says.",
    ),
    Scenario(
        "betrayal",
        "Sam said he'd be home by seven and came back at nine without calling.",
        "Sam",
        "He's hiding something from me.",
        ("Suspicious", "Afraid", "Angry"),
        ("He didn't answer his phone.",),
        ("His phone battery has been dying all week.",
         "He told me straight away that the meeting ran late.",
         "He has been open about where he is for over a year."),
        "false_alarm",
        ("catastrophising", "emotional_reasoning", "mind_reading"),
        "Being late without calling is annoying and worth mentioning. It isn't proof "
        "of a lie, and nothing else points that way.",
        "Tell Sam I'd like a message when plans change, without accusing him.",
        "He'll think I'm controlling and get cross.",
        "He said sorry, charged his phone on the spot, and has texted every time since.",
        "He agreed, though he was a bit short about it that night.",
        "He was cross for a moment. Then he said he'd feel the same way.",
        "A fair request, said calmly, isn't control.",
    ),
    Scenario(
        "failing",
        "I want to sign up for the evening pottery course but haven't.",
        "Just me",
        "I'll be the worst one there and give up after two weeks.",
        ("Anxious", "Ashamed"),
        ("I dropped out of a language class a few years ago.",),
        ("It's a beginners' course.",
         "I dropped that class when Dad was ill, not because I was bad.",
         "I enjoy making things with my hands."),
        "false_alarm",
        ("fortune_telling", "labelling", "discounting_positive"),
        "Being a beginner is the whole point of a beginners' course. I can go for the "
        "fun of it, wobbly pots and all.",
        "Sign up for the course and go to the first evening.",
        "I'll feel stupid and not go back.",
        "My bowl was lopsided and I loved it. I'm going again next week.",
        "The first evening was awkward, but the teacher was kind and I'll give it another go.",
        "I did feel clumsy and out of place. I went back anyway and it was easier.",
        "Trying something new doesn't require being good at it.",
    ),
    Scenario(
        "rejection",
        "I'd like to invite the new neighbours for coffee.",
        "Theo and his partner",
        "They'll say yes to be polite and think I'm strange.",
        ("Anxious", "Embarrassed"),
        ("We've only said hello on the stairs.",),
        ("Theo took in a parcel for me and chatted for ages.",
         "People generally like being welcomed.",
         "A no would be about their week, not about me."),
        "false_alarm",
        ("mind_reading", "fortune_telling"),
        "Inviting someone for coffee is a small, friendly thing. Whatever they say, I'll "
        "have been neighbourly.",
        "Knock on Theo's door and invite them for Sunday coffee.",
        "They'll make an excuse and things will be awkward on the stairs.",
        "They came, stayed two hours, and invited me back.",
        "Only Theo could make it, but we had a good chat.",
        "They said they were too busy right now. It felt awkward for a day, then normal.",
        "Reaching out rarely costs as much as my fear predicts.",
    ),
    # -- the fear was right: a real warning sign, and a safety step that went well --
    Scenario(
        "control",
        "My ex, Dan, has messaged from two new numbers since I blocked him, and on "
        "Thursday he was waiting outside the gym.",
        "Dan, my ex",
        "He isn't going to stop, and he knows where to find me.",
        ("Afraid", "Anxious", "Angry"),
        ("I told him clearly, twice, to stop contacting me.",
         "He knew which evening I go to the gym.",
         "When we were together he checked my phone and got angry when I went out "
         "without him."),
        ("He says he only wants to talk things through.",
         "He hasn't done anything to me, at least not yet."),
        "red_flag",
        ("explaining_away",),
        "Turning up after I said stop is a real warning sign, whatever he calls it. "
        "Being afraid makes sense here. Keeping myself safe comes first, and I don't "
        "have to plan it alone.",
        "Save every message in one place, tell the gym's front desk, and call a "
        "support service from Priya's phone to make a plan.",
        "They'll think I'm overreacting, because he hasn't hurt me.",
        "The woman at the service said I was right to call, and we made a plan "
        "together. The front desk has his photo, and Sam picks me up after the gym.",
        "The front desk was kind and will keep an eye out. I've saved the service's "
        "number at Priya's and I'm calling them this week.",
        "The first person at the desk shrugged it off. The service took it seriously, "
        "and the gym manager put a note on my membership.",
        "My fear was telling me something real. Asking for help early isn't overreacting.",
    ),
    Scenario(
        "control",
        "Rob, a senior colleague, said he'd make sure my project failed if I didn't "
        "take on his work, and told me not to mention it to my manager.",
        "Rob at work",
        "He's threatening me, and it will get worse if I keep quiet.",
        ("Afraid", "Angry", "Anxious"),
        ("He said it twice, once in front of Priya.",
         "He has left me off two project emails since.",
         "Someone who worked with him last year asked to move teams."),
        ("He's under a lot of pressure with the deadline.",
         "He laughed afterwards, so maybe it was a joke."),
        "red_flag",
        ("explaining_away",),
        "A threat is a real warning sign, even with a laugh after it. His pressure is "
        "real, and it isn't mine to carry. I can keep a record and tell my manager.",
        "Write down what Rob said and when, and show my manager in a private meeting.",
        "She'll say I'm making a fuss about a joke.",
        "She listened, thanked me for the notes, and now Rob has to go through her for "
        "any work he wants from me.",
        "She took it seriously, though she needs time to sort it out. Meanwhile she's "
        "copied on everything he sends me.",
        "She did call it banter at first. When I showed her the dates and the missing "
        "emails, she said she'd raise it with HR.",
        "Writing things down turned a bad feeling into something others could see.",
    ),
    Scenario(
        "betrayal",
        "My cousin Nina wants me to co-sign a loan, and says the family will know I let "
        "her down if I refuse.",
        "Nina, my cousin",
        "She's pushing me into something that will cost me, and using guilt to do it.",
        ("Anxious", "Angry", "Hurt"),
        ("She still owes me for the car repair two years ago.",
         "She asked three times this week and got angry when I hesitated.",
         "She told Aunt Rosa I was being selfish before I'd even answered."),
        ("She's family, and she's had a rough year.",
         "She's always been generous at birthdays."),
        "red_flag",
        ("explaining_away",),
        "I can love Nina and still say no. Guilt and pressure when I hesitate are a real "
        "warning sign, and protecting my money is allowed.",
        "Tell Aunt Rosa my side first, so someone has it from me. Then answer Nina in "
        "writing, not on a call, so I can't be talked round.",
        "The whole family will turn against me.",
        "Aunt Rosa said she'd have said no too. Nina was cold for a fortnight, then sent "
        "a normal message about Gran's birthday.",
        "Aunt Rosa understood. A couple of cousins are still a bit cool with me.",
        "Nina did tell people I'd let her down, and a few believed her. It hurt. My "
        "savings are safe, and the people who matter asked me directly.",
        "Saying no to pressure is looking after myself, not letting anyone down.",
    ),
    # -- still unclear, and that's fine --
    Scenario(
        "rejection",
        "Since Priya became team lead, she checks my work much more closely than before.",
        "Priya",
        "She doesn't trust me any more.",
        ("Anxious", "Hurt"),
        ("She sends back my reports with more comments than she used to.",),
        ("She does the same with everyone since the promotion.",
         "She still asks me to lunch."),
        "not_sure",
        ("mind_reading", "personalising"),
        "I don't know yet what the extra checking means. It may be her new job, not me. "
        "I can ask instead of guessing.",
        "Ask Priya how she'd like us to work together now that she's team lead.",
        "She'll say my work hasn't been good enough.",
        "She said she's nervous in the new role and checks everyone; she likes my work.",
        "She said it's partly the new role and partly one report she wants us to redo.",
        "She said she wants more detail from me. It stung, and now I know what she needs.",
        "Not knowing yet is allowed. Asking is how I find out.",
    ),
)
