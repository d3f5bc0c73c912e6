#!/usr/bin/env python3
"""Deterministic synthetic news corpus generator for newsner benchmarks.

Usage:
    python3 scripts/make_corpus.py --docs 20000 --seed 1 > /tmp/corpus.jsonl
    python3 scripts/make_corpus.py --docs 2000 --seed 7 --bad 20 > /tmp/bad.jsonl
    python3 scripts/make_corpus.py --docs 2000 --stats > /dev/null   # print density stats

Each output line is a JSON object {"id", "title", "text", "date"}; "text" holds
paragraphs of 1-3 sentences separated by "\\n".  Articles are 2,000-6,000
characters (log-normal around ~3,500).  All sentence templates, quotes and
headlines below are original text written for this project; the slot lists
hold names of real people, organisations and places.

--bad N inserts N malformed lines spread evenly through the output: truncated
JSON, a record without "text", and a line of bytes that is not valid UTF-8.

Python 3.11 standard library only.  Output depends only on --docs, --seed and
--bad.
"""
import argparse
import json
import math
import re
import sys
import time
import random

# ---------------------------------------------------------------------------
# Entity lists.  People: "Full Name|title used before the name[|surname]".
# ---------------------------------------------------------------------------

POLITICIANS = """\
Donald Trump|President
JD Vance|Vice President
Marco Rubio|Secretary of State
Pete Hegseth|Defense Secretary
Scott Bessent|Treasury Secretary
Howard Lutnick|Commerce Secretary
Jamieson Greer|U.S. Trade Representative
Pam Bondi|Attorney General
Kristi Noem|Homeland Security Secretary
Robert F. Kennedy Jr.|Health Secretary|Kennedy
Sean Duffy|Transportation Secretary
Chris Wright|Energy Secretary
Brooke Rollins|Agriculture Secretary
Doug Burgum|Interior Secretary
Tulsi Gabbard|Director of National Intelligence
Kash Patel|FBI Director
John Ratcliffe|CIA Director
Steve Witkoff|special envoy
Mike Waltz|U.N. Ambassador
Karoline Leavitt|White House press secretary
Susie Wiles|White House chief of staff
Russell Vought|budget director
John Thune|Senate Majority Leader
Chuck Schumer|Senate Minority Leader
Mike Johnson|House Speaker
Hakeem Jeffries|House Minority Leader
Bernie Sanders|Sen.
Elizabeth Warren|Sen.
Lindsey Graham|Sen.
Ted Cruz|Sen.
Jon Ossoff|Sen.
Alexandria Ocasio-Cortez|Rep.
Nancy Pelosi|Rep.
Gavin Newsom|California Gov.
Greg Abbott|Texas Gov.
Ron DeSantis|Florida Gov.
Kathy Hochul|New York Gov.
JB Pritzker|Illinois Gov.
Brian Kemp|Georgia Gov.
Joe Biden|former President
Barack Obama|former President
Kamala Harris|former Vice President
Jerome Powell|Federal Reserve Chair
Christopher Waller|Fed Governor
Lisa Cook|Fed Governor
Keir Starmer|British Prime Minister
Rachel Reeves|Chancellor of the Exchequer
Yvette Cooper|Foreign Secretary
David Lammy|Deputy Prime Minister
Kemi Badenoch|Conservative leader
Nigel Farage|Reform UK leader
Emmanuel Macron|French President
Sébastien Lecornu|French Prime Minister
Jean-Noël Barrot|French Foreign Minister
Marine Le Pen|National Rally figurehead|Le Pen
Jordan Bardella|National Rally president
Friedrich Merz|German Chancellor
Lars Klingbeil|German Finance Minister
Johann Wadephul|German Foreign Minister
Boris Pistorius|German Defense Minister
Giorgia Meloni|Italian Prime Minister
Antonio Tajani|Italian Foreign Minister
Pedro Sánchez|Spanish Prime Minister
Donald Tusk|Polish Prime Minister
Karol Nawrocki|Polish President
Radosław Sikorski|Polish Foreign Minister
Viktor Orbán|Hungarian Prime Minister
Robert Fico|Slovak Prime Minister
Ursula von der Leyen|European Commission President|von der Leyen
Kaja Kallas|EU foreign policy chief
António Costa|European Council President
Christine Lagarde|European Central Bank President
Roberta Metsola|European Parliament President
Mark Rutte|NATO Secretary General
Dick Schoof|Dutch Prime Minister
Bart De Wever|Belgian Prime Minister|De Wever
Ulf Kristersson|Swedish Prime Minister
Alexander Stubb|Finnish President
Mette Frederiksen|Danish Prime Minister
Jonas Gahr Støre|Norwegian Prime Minister|Støre
Kyriakos Mitsotakis|Greek Prime Minister
Nikol Pashinyan|Armenian Prime Minister
Ilham Aliyev|Azerbaijani President
Irakli Kobakhidze|Georgian Prime Minister
Maia Sandu|Moldovan President
Aleksandar Vučić|Serbian President
Vladimir Putin|Russian President
Sergei Lavrov|Russian Foreign Minister
Dmitry Peskov|Kremlin spokesman
Yuri Ushakov|Kremlin aide
Kirill Dmitriev|Russian envoy
Andrei Belousov|Russian Defense Minister
Valery Gerasimov|Russian chief of the general staff
Elvira Nabiullina|Russian central bank governor
Dmitry Medvedev|Russian Security Council deputy chairman
Alexander Lukashenko|Belarusian President
Volodymyr Zelenskyy|Ukrainian President
Yulia Svyrydenko|Ukrainian Prime Minister
Andrii Sybiha|Ukrainian Foreign Minister
Denys Shmyhal|Ukrainian Defense Minister
Rustem Umerov|Ukrainian security council secretary
Oleksandr Syrskyi|Ukrainian commander-in-chief Gen.
Vitali Klitschko|Kyiv Mayor
Recep Tayyip Erdoğan|Turkish President|Erdoğan
Hakan Fidan|Turkish Foreign Minister
Mehmet Şimşek|Turkish Finance Minister
Özgür Özel|Turkish opposition leader
Ekrem İmamoğlu|jailed Istanbul Mayor
Devlet Bahçeli|Nationalist Movement Party leader
Benjamin Netanyahu|Israeli Prime Minister
Isaac Herzog|Israeli President
Israel Katz|Israeli Defense Minister
Gideon Saar|Israeli Foreign Minister
Yair Lapid|Israeli opposition leader
Bezalel Smotrich|Israeli Finance Minister
Itamar Ben-Gvir|Israeli National Security Minister
Mahmoud Abbas|Palestinian President
Mohammad Mustafa|Palestinian Prime Minister
Khalil al-Hayya|Hamas negotiator
Naim Qassem|Hezbollah leader
Joseph Aoun|Lebanese President
Nawaf Salam|Lebanese Prime Minister
Ahmed al-Sharaa|Syrian President
Asaad al-Shaibani|Syrian Foreign Minister
Mazloum Abdi|SDF commander
Abdel Fattah el-Sisi|Egyptian President|el-Sisi
Badr Abdelatty|Egyptian Foreign Minister
Tamim bin Hamad Al Thani|Qatar's emir, Sheikh|Sheikh Tamim
Mohammed bin Abdulrahman Al Thani|Qatari Prime Minister Sheikh|Sheikh Mohammed
Mohammed bin Salman|Saudi Crown Prince|Prince Mohammed
Faisal bin Farhan|Saudi Foreign Minister Prince|Prince Faisal
Mohamed bin Zayed Al Nahyan|UAE President Sheikh|Sheikh Mohamed
Ayman Safadi|Jordanian Foreign Minister
Ali Khamenei|Iranian Supreme Leader Ayatollah
Masoud Pezeshkian|Iranian President
Abbas Araghchi|Iranian Foreign Minister
Ali Larijani|Iranian security chief
Esmail Qaani|Quds Force commander
Mohammed Shia al-Sudani|Iraqi Prime Minister|al-Sudani
Nechirvan Barzani|Kurdistan Region President
Rafael Grossi|IAEA Director General
António Guterres|U.N. Secretary-General
Tom Fletcher|U.N. aid chief
Volker Türk|U.N. human rights chief
Tedros Adhanom Ghebreyesus|WHO Director-General|Tedros
Kristalina Georgieva|IMF Managing Director
Ajay Banga|World Bank President
Ngozi Okonjo-Iweala|WTO Director-General
Xi Jinping|Chinese President|Xi
Li Qiang|Chinese Premier|Li
Wang Yi|Chinese Foreign Minister|Wang
He Lifeng|Chinese Vice Premier|He
Pan Gongsheng|People's Bank of China Governor|Pan
Lai Ching-te|Taiwanese President|Lai
Cho Jung-tai|Taiwanese Premier|Cho
Sanae Takaichi|Japanese Prime Minister
Shigeru Ishiba|former Japanese Prime Minister
Kazuo Ueda|Bank of Japan Governor
Lee Jae-myung|South Korean President|Lee
Kim Jong Un|North Korean leader|Kim
Kim Yo Jong|senior North Korean official|Kim
Narendra Modi|Indian Prime Minister
S. Jaishankar|Indian Foreign Minister|Jaishankar
Rahul Gandhi|Indian opposition leader
Shehbaz Sharif|Pakistani Prime Minister
Asim Munir|Pakistani army chief Field Marshal
Muhammad Yunus|Bangladeshi interim leader
Anwar Ibrahim|Malaysian Prime Minister|Anwar
Prabowo Subianto|Indonesian President|Prabowo
Ferdinand Marcos Jr.|Philippine President|Marcos
Lawrence Wong|Singaporean Prime Minister
Anutin Charnvirakul|Thai Prime Minister|Anutin
Hun Manet|Cambodian Prime Minister|Hun Manet
To Lam|Vietnamese Communist Party chief|To Lam
Anthony Albanese|Australian Prime Minister
Christopher Luxon|New Zealand Prime Minister
Mark Carney|Canadian Prime Minister
Pierre Poilievre|Canadian Conservative leader
Claudia Sheinbaum|Mexican President
Luiz Inácio Lula da Silva|Brazilian President|Lula
Javier Milei|Argentine President
Gustavo Petro|Colombian President
Nicolás Maduro|Venezuelan leader
María Corina Machado|Venezuelan opposition leader|Machado
Gabriel Boric|Chilean President
Daniel Noboa|Ecuadorean President
Nayib Bukele|Salvadoran President
Cyril Ramaphosa|South African President
Bola Tinubu|Nigerian President
William Ruto|Kenyan President
Abiy Ahmed|Ethiopian Prime Minister|Abiy
Paul Kagame|Rwandan President
Félix Tshisekedi|Congolese President
Alassane Ouattara|Ivorian President
Tidjane Thiam|Ivorian opposition leader
John Mahama|Ghanaian President
Bassirou Diomaye Faye|Senegalese President|Faye
Ibrahim Traoré|Burkina Faso's military leader Capt.
Assimi Goïta|Malian junta leader Gen.
Abdel Fattah al-Burhan|Sudanese army chief Gen.|Burhan
Mohamed Hamdan Dagalo|RSF commander|Dagalo
Yoweri Museveni|Ugandan President
Samia Suluhu Hassan|Tanzanian President|Hassan
Emmerson Mnangagwa|Zimbabwean President
Abdelmadjid Tebboune|Algerian President
Mahmoud Ali Youssouf|African Union Commission chairperson|Youssouf
Leo XIV|Pope|Leo
Greta Thunberg|climate activist
Malala Yousafzai|Nobel laureate
"""

EXECUTIVES = """\
Elon Musk|Tesla chief executive
Sam Altman|OpenAI chief executive
Jensen Huang|Nvidia chief executive
Tim Cook|Apple chief executive
Satya Nadella|Microsoft chief executive
Sundar Pichai|Alphabet chief executive
Mark Zuckerberg|Meta chief executive
Andy Jassy|Amazon chief executive
Jeff Bezos|Amazon founder
Lisa Su|AMD chief executive
Dario Amodei|Anthropic chief executive
Demis Hassabis|Google DeepMind chief executive
Mustafa Suleyman|Microsoft AI chief
Lip-Bu Tan|Intel chief executive|Tan
C.C. Wei|TSMC chief executive|Wei
Lee Jae-yong|Samsung Electronics chairman|Lee
Masayoshi Son|SoftBank chief executive|Son
Warren Buffett|Berkshire Hathaway chairman
Greg Abel|Berkshire Hathaway vice chairman
Jamie Dimon|JPMorgan Chase chief executive
David Solomon|Goldman Sachs chief executive
Jane Fraser|Citigroup chief executive
Larry Fink|BlackRock chief executive
Ken Griffin|Citadel founder
Ray Dalio|Bridgewater founder
Mary Barra|General Motors chief executive
Jim Farley|Ford chief executive
Kelly Ortberg|Boeing chief executive
Guillaume Faury|Airbus chief executive
Antonio Filosa|Stellantis chief executive
Ola Källenius|Mercedes-Benz chief executive
Oliver Blume|Volkswagen chief executive
Akio Toyoda|Toyota chairman
Bernard Arnault|LVMH chief executive
Amin Nasser|Saudi Aramco chief executive
Darren Woods|Exxon Mobil chief executive
Mike Wirth|Chevron chief executive
Wael Sawan|Shell chief executive
Patrick Pouyanné|TotalEnergies chief executive
Mukesh Ambani|Reliance Industries chairman
Gautam Adani|Adani Group chairman
N. Chandrasekaran|Tata Sons chairman|Chandrasekaran
Pony Ma|Tencent chief executive|Ma
Eddie Wu|Alibaba chief executive|Wu
Lei Jun|Xiaomi chief executive|Lei
Wang Chuanfu|BYD chairman|Wang
Liang Wenfeng|DeepSeek founder|Liang
Ren Zhengfei|Huawei founder|Ren
Arvind Krishna|IBM chief executive
Larry Ellison|Oracle chairman
Ted Sarandos|Netflix co-chief executive
Bob Iger|Disney chief executive
Brian Niccol|Starbucks chief executive
Doug McMillon|Walmart chief executive
Alex Karp|Palantir chief executive
Christian Sewing|Deutsche Bank chief executive
Sergio Ermotti|UBS chief executive
Daniel Ek|Spotify founder
"""

ATHLETES = """\
Lionel Messi|Inter Miami forward
Cristiano Ronaldo|Al-Nassr forward
Kylian Mbappé|Real Madrid forward
Erling Haaland|Manchester City striker
Mohamed Salah|Liverpool forward
Harry Kane|Bayern Munich striker
Jude Bellingham|Real Madrid midfielder
Lamine Yamal|Barcelona winger|Yamal
Vinícius Júnior|Real Madrid winger|Vinícius
Ousmane Dembélé|Paris Saint-Germain forward
Bukayo Saka|Arsenal winger
Cole Palmer|Chelsea forward
Pep Guardiola|Manchester City manager
Carlo Ancelotti|Brazil coach
Mikel Arteta|Arsenal manager
Arne Slot|Liverpool manager
Xabi Alonso|Real Madrid coach
Hansi Flick|Barcelona coach
Luis Enrique|Paris Saint-Germain coach|Luis Enrique
Thomas Tuchel|England manager
Mauricio Pochettino|United States coach
Gianni Infantino|FIFA President
Aleksander Čeferin|UEFA President
Kirsty Coventry|IOC President
Novak Djokovic|Serbian tennis star
Carlos Alcaraz|Spanish tennis player
Jannik Sinner|Italian tennis player
Aryna Sabalenka|Belarusian tennis player
Iga Świątek|Polish tennis player
Coco Gauff|American tennis player
Max Verstappen|Red Bull driver
Lewis Hamilton|Ferrari driver
Lando Norris|McLaren driver
Oscar Piastri|McLaren driver
Charles Leclerc|Ferrari driver
LeBron James|Los Angeles Lakers forward
Stephen Curry|Golden State Warriors guard
Shai Gilgeous-Alexander|Oklahoma City Thunder guard
Nikola Jokić|Denver Nuggets center
Victor Wembanyama|San Antonio Spurs center
Patrick Mahomes|Kansas City Chiefs quarterback
Shohei Ohtani|Los Angeles Dodgers star
Scottie Scheffler|top-ranked golfer
Rory McIlroy|Northern Irish golfer
Simone Biles|American gymnast
Armand Duplantis|Swedish pole vaulter
Noah Lyles|American sprinter
Faith Kipyegon|Kenyan runner
Tadej Pogačar|Slovenian cyclist
Jonas Vingegaard|Danish cyclist
Virat Kohli|Indian cricketer
Ben Stokes|England cricket captain
Caitlin Clark|Indiana Fever guard
"""

JURISTS = """\
John Roberts|Chief Justice
Sonia Sotomayor|Justice
Clarence Thomas|Justice
Amy Coney Barrett|Justice|Barrett
Brett Kavanaugh|Justice
Elena Kagan|Justice
Neil Gorsuch|Justice
Ketanji Brown Jackson|Justice|Jackson
Samuel Alito|Justice
Karim Khan|ICC prosecutor
Letitia James|New York Attorney General
Alvin Bragg|Manhattan District Attorney
Jack Smith|former special counsel
"""

# General organisations (international bodies, government institutions, NGOs).
ORGS = """\
the United Nations
the U.N. Security Council
NATO
the European Union
the European Commission
the European Central Bank
the Federal Reserve
the International Monetary Fund
the World Bank
the World Trade Organization
the World Health Organization
the International Atomic Energy Agency
the International Criminal Court
the International Court of Justice
the African Union
ECOWAS
ASEAN
OPEC
the Group of Seven
the G20
the Arab League
the Gulf Cooperation Council
the Organization of American States
the International Committee of the Red Cross
Médecins Sans Frontières
Amnesty International
Human Rights Watch
Save the Children
Oxfam
UNICEF
UNHCR
UNRWA
the World Food Programme
Greenpeace
the Pentagon
the State Department
the Justice Department
the Treasury Department
the White House
the Supreme Court
Congress
the Senate
the House of Representatives
the FBI
the CIA
the Department of Homeland Security
the Environmental Protection Agency
the Securities and Exchange Commission
the Federal Trade Commission
the Bureau of Labor Statistics
the Federal Aviation Administration
NASA
the Centers for Disease Control and Prevention
the Food and Drug Administration
the Kremlin
the Bank of England
the Bank of Japan
the People's Bank of China
the Reserve Bank of India
the Bundestag
the Knesset
the Israel Defense Forces
the Ministry of Defence
the International Olympic Committee
FIFA
UEFA
"""

PARTIES = """\
the Republican Party
the Democratic Party
the Labour Party
the Conservative Party
Reform UK
the National Rally
Alternative for Germany
the Christian Democratic Union
the Social Democrats
the Justice and Development Party
the Republican People's Party
Georgian Dream
the Bharatiya Janata Party
the Indian National Congress
the African National Congress
the Chinese Communist Party
the Liberal Democratic Party
Likud
Fidesz
the Democratic Party of Japan
"""

ARMED = """\
Hamas
Hezbollah
the Houthis
Islamic State
al-Shabab
the Kurdistan Workers' Party
the Syrian Democratic Forces
the Rapid Support Forces
the Wagner Group
the Taliban
the Islamic Revolutionary Guard Corps
M23
Boko Haram
the Arakan Army
"""

COMPANIES = """\
Apple
Microsoft
Alphabet
Google
Amazon
Meta
Nvidia
Tesla
OpenAI
Anthropic
Intel
AMD
TSMC
Samsung Electronics
SK Hynix
Huawei
Alibaba
Tencent
BYD
Toyota
Volkswagen
Boeing
Airbus
Lockheed Martin
Rheinmetall
BAE Systems
Exxon Mobil
Chevron
Shell
BP
Saudi Aramco
Gazprom
Rosneft
JPMorgan Chase
Goldman Sachs
BlackRock
HSBC
UBS
Deutsche Bank
Walmart
Pfizer
Novo Nordisk
Eli Lilly
Netflix
Disney
Spotify
SpaceX
Palantir
Uber
ByteDance
TikTok
Reliance Industries
ArcelorMittal
Glencore
Maersk
Stellantis
LVMH
Nestlé
Siemens
ASML
Hyundai Motor
Sony
"""

MEDIA = """\
Reuters
the Associated Press
the BBC
the New York Times
the Wall Street Journal
the Financial Times
Al Jazeera
Bloomberg
CNN
Fox News
Le Monde
Der Spiegel
"""

TEAMS = """\
Real Madrid
Barcelona
Atlético Madrid
Manchester City
Manchester United
Liverpool
Arsenal
Chelsea
Tottenham Hotspur
Bayern Munich
Borussia Dortmund
Paris Saint-Germain
Inter Milan
AC Milan
Juventus
Napoli
Benfica
Galatasaray
Fenerbahçe
Flamengo
Boca Juniors
Al-Hilal
the Los Angeles Lakers
the Boston Celtics
the Golden State Warriors
the Kansas City Chiefs
the Los Angeles Dodgers
the New York Yankees
"""

COUNTRIES = """\
Afghanistan
Albania
Algeria
Angola
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahrain
Bangladesh
Belarus
Belgium
Benin
Bolivia
Bosnia and Herzegovina
Botswana
Brazil
Bulgaria
Burkina Faso
Burundi
Cambodia
Cameroon
Canada
Chad
Chile
China
Colombia
Costa Rica
Côte d'Ivoire
Croatia
Cuba
Cyprus
the Czech Republic
the Democratic Republic of Congo
Denmark
Djibouti
Ecuador
Egypt
El Salvador
Eritrea
Estonia
Ethiopia
Finland
France
Gabon
Georgia
Germany
Ghana
Greece
Guatemala
Guinea
Haiti
Honduras
Hungary
Iceland
India
Indonesia
Iran
Iraq
Ireland
Israel
Italy
Jamaica
Japan
Jordan
Kazakhstan
Kenya
Kosovo
Kuwait
Kyrgyzstan
Laos
Latvia
Lebanon
Libya
Lithuania
Luxembourg
Madagascar
Malawi
Malaysia
Mali
Malta
Mauritania
Mexico
Moldova
Mongolia
Montenegro
Morocco
Mozambique
Myanmar
Namibia
Nepal
the Netherlands
New Zealand
Nicaragua
Niger
Nigeria
North Korea
North Macedonia
Norway
Oman
Pakistan
Panama
Paraguay
Peru
the Philippines
Poland
Portugal
Qatar
Romania
Russia
Rwanda
Saudi Arabia
Senegal
Serbia
Sierra Leone
Singapore
Slovakia
Slovenia
Somalia
South Africa
South Korea
South Sudan
Spain
Sri Lanka
Sudan
Sweden
Switzerland
Syria
Taiwan
Tajikistan
Tanzania
Thailand
Togo
Tunisia
Turkey
Turkmenistan
Uganda
Ukraine
the United Arab Emirates
the United Kingdom
the United States
Uruguay
Uzbekistan
Venezuela
Vietnam
Yemen
Zambia
Zimbabwe
the Gaza Strip
the West Bank
Greenland
Puerto Rico
"""

CITIES = """\
Washington
New York
Los Angeles
Chicago
Houston
Miami
Atlanta
San Francisco
Seattle
Boston
Detroit
Toronto
Ottawa
Montreal
Mexico City
Bogotá
Lima
Santiago
Buenos Aires
São Paulo
Rio de Janeiro
Brasília
Caracas
Havana
London
Manchester
Edinburgh
Dublin
Paris
Marseille
Lyon
Brussels
Amsterdam
The Hague
Berlin
Munich
Frankfurt
Hamburg
Zürich
Geneva
Vienna
Prague
Warsaw
Kraków
Budapest
Bratislava
Bucharest
Sofia
Belgrade
Zagreb
Athens
Rome
Milan
Naples
Madrid
Barcelona
Lisbon
Copenhagen
Stockholm
Malmö
Oslo
Helsinki
Reykjavík
Tallinn
Riga
Vilnius
Kyiv
Kharkiv
Odesa
Lviv
Dnipro
Zaporizhzhia
Moscow
St. Petersburg
Minsk
Chisinau
Tbilisi
Yerevan
Baku
Istanbul
Ankara
Izmir
Diyarbakır
Damascus
Aleppo
Beirut
Jerusalem
Tel Aviv
Gaza City
Ramallah
Amman
Cairo
Alexandria
Riyadh
Jeddah
Doha
Dubai
Abu Dhabi
Muscat
Tehran
Baghdad
Erbil
Sanaa
Aden
Kabul
Islamabad
Karachi
Lahore
New Delhi
Mumbai
Bengaluru
Dhaka
Colombo
Kathmandu
Beijing
Shanghai
Shenzhen
Hong Kong
Taipei
Tokyo
Osaka
Seoul
Busan
Pyongyang
Manila
Jakarta
Kuala Lumpur
Bangkok
Hanoi
Ho Chi Minh City
Phnom Penh
Yangon
Sydney
Melbourne
Canberra
Auckland
Nairobi
Addis Ababa
Khartoum
Mogadishu
Kampala
Kigali
Goma
Kinshasa
Lagos
Abuja
Accra
Abidjan
Dakar
Bamako
Ouagadougou
Niamey
Tripoli
Tunis
Algiers
Rabat
Casablanca
Johannesburg
Cape Town
Harare
Luanda
Almaty
Tashkent
Ulaanbaatar
"""


def _people(block):
    out = []
    for line in block.strip().split("\n"):
        parts = line.split("|")
        name, title = parts[0], parts[1]
        surname = parts[2] if len(parts) > 2 else name.split()[-1]
        titled = title + " " + name
        out.append((name, titled, surname))
    return out


def _names(block):
    return [l for l in block.strip().split("\n") if l]


POOLS = {
    "P": _people(POLITICIANS),
    "B": _people(EXECUTIVES),
    "A": _people(ATHLETES),
    "J": _people(JURISTS),
    "O": _names(ORGS),
    "PTY": _names(PARTIES),
    "G": _names(ARMED),
    "CO": _names(COMPANIES),
    "M": _names(MEDIA),
    "TM": _names(TEAMS),
    "C": _names(COUNTRIES),
    "CT": _names(CITIES),
}
PERSON_KINDS = {"P", "B", "A", "J"}
CAST_SIZE = {"P": 4, "B": 2, "A": 3, "J": 2, "O": 3, "PTY": 1, "G": 1,
             "CO": 2, "M": 2, "TM": 3, "C": 3, "CT": 3}

# ---------------------------------------------------------------------------
# Quotes (original).  No closing punctuation: templates add it.
# ---------------------------------------------------------------------------

QUOTES = _names("""\
We are not going to negotiate under pressure, and everyone at the table knows that
This is a good day for ordinary families who have waited far too long
Nobody should be surprised by this decision
We have made our position very clear, and it has not changed
The door is open, but it will not stay open forever
It's too early to say whether this will work
People are tired, and they want to see results rather than speeches
We will look at every option, including legal action
This was a mistake, and we own it
Our priority is the safety of civilians
We have done everything that was asked of us
I don't think anyone expected it to happen so quickly
The numbers speak for themselves
This is not the end of the process but the beginning
We need a plan, not another slogan
There is no military solution to this conflict
The market has already priced most of this in
We are seeing real demand, and it is not slowing down
I have never seen anything like it in 30 years of doing this job
It's a huge result for the club and for our supporters
We played with courage and we deserved the win
We know we have to improve, and we will
The technology is moving faster than the rules
Our customers expect us to protect their data, and we failed
This ruling restores a basic principle of fairness
Justice delayed is still justice denied
We respect the decision of the court, but we disagree with it
The evidence simply does not support the charges
Our hospitals are overwhelmed and our staff are exhausted
We can't keep living like this
Every night we hear the explosions and every morning we count who is missing
We will rebuild, as we always have
It's a question of trust, and trust has to be earned
The agreement is fragile, but it is holding
Let's be honest about what went wrong
We are ready to talk to anyone who is serious about peace
These tariffs will hurt consumers on both sides
Prices are going up faster than wages, and people feel it every week
I've voted in every election since I was 18, and this is the first time I'm worried
We are asking for transparency, nothing more
This is a historic moment for our country
We have lost a friend and a true public servant
The investigation will follow the evidence wherever it leads
The world cannot look away
We expect our partners to keep their promises
There is still a lot of work to do
It was a tough game, but the boys showed great character
We will not accept a deal that rewards aggression
Growth is slowing, but it is not collapsing
We are cautiously optimistic
The government has lost control of the situation
Nothing about this is normal
We will keep fighting for our rights
The next few weeks will be decisive
I'm proud of what we have built here
Our message to investors is simple: we are open for business
These are serious allegations and they deserve a serious response
We are not interested in symbolic gestures
The people have spoken, and we must listen
It is time to turn the page
""")

# ---------------------------------------------------------------------------
# Sentence templates (original).  Slots:
#   P1/P1t/P1s  politician: name / title+name / surname   (also B exec, A athlete, J jurist)
#   O1 organisation, PTY1 party, G1 armed group, CO1 company, M1 media, TM1 team
#   C1 country, CT1 city
#   N small number, N1 1-9, N2 thousands, PCT, PCT2, BIL, MIL, EUR, AGE, SCORE,
#   DAY weekday, DATE month+day, MONTH, YEAR, YEAR2 future year, ORD ordinal word,
#   MIN ordinal minute, VOTE, JVOTE, OIL, GOLD, CROWD, INTERCEPT, Q, Q2 quotes
# ---------------------------------------------------------------------------

POLITICS = _names("""\
{P1t} said on {DAY} that the government would present a revised budget to parliament before the end of {MONTH}.
Lawmakers in {C1} voted {VOTE} to approve the measure, handing {P1s} a rare legislative victory after weeks of wrangling.
The opposition accused {P1s} of rushing the bill through without proper debate, and several members walked out before the final vote.
{P1t} is due to travel to {CT1} next week for talks with {P2t}, officials in both capitals said.
The meeting between {P1s} and {P2s} lasted nearly {N1} hours and ended without a joint statement.
Polls published by {M1} show {PTY1} trailing by about {N1} points with less than a year to go before the next general election.
Turnout in the first round was {PCT} percent, according to preliminary figures released by the electoral commission in {CT1}.
{P1s} has denied any wrongdoing and described the investigation as politically motivated.
Diplomats said the draft resolution at {O1} had been watered down several times to avoid a veto.
A spokesperson for {P1t} declined to comment on the report, saying only that talks were continuing.
The coalition, which holds a narrow majority, has been strained by disputes over immigration and defence spending.
Speaking to reporters in {CT1}, {P1s} said {C1} would not accept "any solution imposed from outside."
"{Q}," {P1t} told a news conference in {CT1}.
{P1s}'s office said the leaders had agreed to set up a working group on trade and energy.
Critics say the new law gives the executive sweeping powers to dismiss judges and regulators.
The cabinet reshuffle, the {ORD} this year, brought in {N1} new ministers, including a new head of the interior ministry.
Thousands of people marched through central {CT1} on {DAY} to protest against the government's plans to raise the retirement age.
Police said {N} people had been arrested after clashes near the parliament building in {CT1}.
{P1t} and {P2t} spoke by phone on {DAY}, according to a readout from {P1s}'s office.
The two sides agreed to reopen consulates in {CT1} and {CT2} and to restore direct flights by {MONTH}.
{PTY1} won {PCT} percent of the vote, its best result in more than a decade.
Officials in {C1} said the election had been free and fair, but observers from {O1} reported irregularities at several polling stations.
{P1s} is expected to name a new cabinet within days, according to two people familiar with the matter.
The speaker adjourned the session after members of {PTY1} occupied the podium and refused to leave.
In a televised address, {P1t} urged citizens to stay calm and promised a full inquiry.
{P1s} told supporters at a rally in {CT1} that the country was "at a crossroads."
The proposal still needs the backing of the upper house, where the ruling bloc lacks a majority.
Analysts said the result would make it harder for {P1s} to push through reforms before the end of the term.
Relations between {C1} and {C2} have cooled since {YEAR}, when a dispute over fishing rights led both to recall their ambassadors.
{P1t} said {C1} was ready to host the next round of talks, possibly as early as {DATE}.
A senior aide to {P1s} resigned on {DAY} after reports that an official car had been used for private trips.
The government survived a confidence vote by {N} votes, the narrowest margin since it took office.
{P1t} met {P2t} on the sidelines of the {O1} meetings in {CT1}.
Under the agreement, {C1} will take in up to {N2} asylum seekers a year, while {C2} will pay for border surveillance.
Members of {PTY1} have called for an early election, arguing that the government has lost its mandate.
The president has until {DATE} to sign or veto the bill.
In {CT1}, the mayor announced a freeze on public transport fares for the rest of {YEAR}.
{P1s} won the party leadership contest with {PCT} percent of the votes cast by members.
Senior figures in {PTY1} said privately that they expected {P1s} to step aside before the summer.
The foreign ministry in {CT1} summoned the ambassador of {C2} to protest against what it called interference in domestic affairs.
A joint statement issued after the talks said both governments were committed to "deepening cooperation in all fields."
{P1t} arrived in {CT1} on {DAY} for a {N1}-day state visit, the first by a leader of {C1} in {N} years.
The visit was overshadowed by protests over human rights, with demonstrators gathering outside the hotel where {P1s} was staying.
Election officials said counting would continue through the night and that final results were expected by {DAY}.
The constitutional court in {C1} ruled that the vote could go ahead as planned.
Both candidates have promised to cut taxes and raise spending on health care, but neither has explained how to pay for it.
{P1s}, who has been in power since {YEAR}, is seeking another term.
"{Q}," said {P1s}, speaking after a meeting with {P2s} in {CT1}.
The White House said {P1t} would host {P2t} next month to discuss trade, security and migration.
Ministers from {N} countries attended the conference in {CT1}, which ended with a pledge to double funding for the region.
The bill passed the lower house by a vote of {VOTE} and now goes to the senate.
{O1} said it would send a team of observers to monitor the vote in {C1}.
Opinion polls suggest voters in {C1} are more concerned about the cost of living than about foreign policy.
Supporters of {P1s} waved flags and chanted outside the party headquarters in {CT1} as the results came in.
{P1t} conceded defeat late on {DAY} and congratulated the winner.
The new government is expected to be sworn in on {DATE}.
Officials said the summit in {CT1} would focus on energy security, migration and the war in {C1}.
{P1s} also used the speech to attack {M1}, accusing it of spreading "invented stories" about the government.
The ruling party lost control of {CT1} for the first time in {N} years in local elections on {DAY}.
{P2t}, a longtime ally of {P1s}, said the party needed to "listen more and lecture less."
""")

WAR = _names("""\
{G1} fighters attacked an army post near the border with {C1} overnight, killing at least {N} soldiers, the military said.
The strike hit a residential building in {CT1} shortly after midnight, local officials said, and rescuers were still searching the rubble on {DAY}.
{P1t} said air defences had intercepted {INTERCEPT} drones launched overnight.
{O1} estimates that more than {N2} people have been displaced by the fighting in the past month.
Satellite images reviewed by {M1} show new trenches and fortifications along a {N}-kilometre stretch of the front line.
The defence ministry in {CT1} said its forces had captured a village in the east, a claim that could not be independently verified.
Military analysts say the offensive has stalled because of shortages of ammunition and trained infantry.
{P1t} announced a new package of military aid for {C1} worth ${BIL} billion, including air defence systems and artillery shells.
A ceasefire brokered by {C1} and {C2} collapsed after less than {N1} days.
Aid convoys were unable to reach {CT1} for a {ORD} consecutive day because of heavy shelling, {O1} said.
The army said it had killed a senior commander of {G1} in a strike on a vehicle near {CT1}.
{G1} said in a statement on its Telegram channel that it had targeted a military base, but gave no details of casualties.
Hospitals in {CT1} are running out of fuel and basic medicines, according to {O1}.
"{Q}," said a {AGE}-year-old resident of {CT1} who gave only her first name, fearing reprisals.
The attack was the deadliest on the city since {YEAR}.
Officials from {O1} said at least {N} children were among the dead.
{P1t} ordered an investigation into the strike and promised that those responsible would be held to account.
The talks in {CT1} ended with an agreement to exchange {N2} prisoners, the largest swap in months.
Sirens sounded across {CT1} early on {DAY}, and residents sheltered in metro stations for several hours.
Air raid alerts were issued in {N} regions, and power was cut to more than {N2} homes after a strike on an energy facility.
The governor of the region said {N} drones had been shot down near {CT1}, some of them close to an oil refinery.
{P1s} said the new weapons would be used only against military targets and in line with international law.
{O1} accused both sides of failing to protect civilians and called for an independent inquiry.
The navy said it had intercepted a vessel carrying weapons in the Red Sea, about {N} nautical miles off the coast of {C1}.
Shipping companies have rerouted dozens of vessels away from the area, adding about {N1} days to voyages between Asia and Europe.
The border crossing with {C1} was closed for a second week, leaving hundreds of trucks stranded.
Security forces in {C1} launched a new operation against {G1} in the northern provinces, officials said.
{G1} has not claimed responsibility for the bombing, which killed {N} people at a busy market in {CT1}.
The U.N. special envoy, speaking in {CT1}, called the situation "the worst it has been in a decade."
Defence ministers from {O1} countries agreed to raise military spending to {PCT} percent of economic output over the next decade.
{P1t} visited troops near the front on {DAY}, handing out medals and promising more equipment.
The government in {CT1} declared a state of emergency in {N} districts and imposed a night-time curfew.
Witnesses said gunmen on motorcycles opened fire on the village before setting homes alight.
According to {M1}, the drones were assembled from parts made in at least {N1} countries.
Negotiators from {C1} and {C2} are expected to meet again in {CT1} on {DATE}.
The mayor of {CT1} said the city's water supply had been cut after a pumping station was damaged.
A mass grave containing at least {N} bodies was found on the outskirts of {CT1}, local prosecutors said.
{P1s} rejected calls for a truce, saying the enemy would use any pause to regroup.
Families of the missing gathered outside the defence ministry in {CT1} to demand information about their relatives.
Western intelligence officials believe {C1} has supplied {C2} with artillery shells and ballistic missiles.
The interior ministry said {N} suspected members of {G1} had been detained in raids in {CT1} and surrounding towns.
{O1} said it had documented more than {N2} attacks on health facilities since the war began.
A spokesman for {G1} said the group was prepared to discuss a truce if attacks on its positions stopped.
The government of {C1} expelled {N1} diplomats from {C2}, accusing them of espionage.
Fighting has forced the closure of schools across the province, affecting about {N2} pupils.
"{Q}," the army's chief of staff told soldiers in a speech broadcast on state television in {C1}.
The peacekeeping mission in {C1} is due to be reviewed by the Security Council in {MONTH}.
Recruitment centres in {CT1} reported long queues after the government lowered the conscription age.
The explosion at the ammunition depot near {CT1} could be heard {N} kilometres away, residents said.
{P1t} said {C1} would not be "intimidated by threats" and would continue to defend its territorial waters.
Landmines and unexploded shells will take decades to clear, according to demining experts working in {C1}.
A convoy of {N} trucks carrying flour, medicine and fuel crossed into {CT1} on {DAY}, the first in weeks.
The military said a soldier had been killed by sniper fire while on patrol near {CT1}.
{P1s} and {P2s} discussed the release of hostages and the reopening of border crossings, a diplomat briefed on the call said.
The report by {O1} found that both sides had used banned cluster munitions in populated areas.
""")

ECONOMY = _names("""\
{CO1} said on {DAY} that quarterly revenue rose {PCT} percent to ${BIL} billion, beating analysts' forecasts.
Shares of {CO1} fell {PCT} percent in early trading in New York after the company cut its full-year outlook.
Inflation in {C1} slowed to {PCT} percent in {MONTH}, the lowest rate in more than a year, according to official data.
The central bank in {CT1} held its benchmark interest rate at {PCT} percent, as most economists had expected.
{P1t} said the government would cut fuel taxes temporarily to ease pressure on households.
{O1} lowered its forecast for global growth this year to {PCT} percent, citing trade tensions and weak investment.
Unemployment in {C1} rose to {PCT} percent, up from {PCT2} percent a year earlier.
{B1t} told analysts on a conference call that demand had "held up better than we feared."
The deal values {CO1} at about ${BIL} billion including debt, making it one of the largest takeovers of the year.
Regulators in {CT1} are reviewing the merger and could demand that {CO1} sell some of its businesses.
{CO1} plans to cut about {N2} jobs worldwide as part of a restructuring aimed at saving ${BIL} billion a year.
The yield on the benchmark 10-year bond climbed to {PCT} percent, its highest level since {YEAR}.
Oil prices rose more than {PCT} percent after OPEC members agreed to extend production cuts.
The currency of {C1} weakened to a record low against the dollar, prompting the central bank to intervene.
Exports from {C1} fell for a {ORD} straight month as demand from {C2} weakened.
{P1t} said new tariffs of {N} percent on steel and aluminium imports would take effect on {DATE}.
Retail sales rose {PCT} percent in {MONTH} from the previous month, driven by strong spending on cars and electronics.
Economists polled by {M1} expect the economy of {C1} to grow {PCT} percent this year.
{B1s} said the company would invest ${BIL} billion in a new factory in {CT1}, creating about {N2} jobs.
"{Q}," said {B1t}, speaking at an industry conference in {CT1}.
The trade surplus of {C1} widened to ${BIL} billion in {MONTH}, customs data showed.
Housing starts dropped sharply as higher mortgage rates kept buyers on the sidelines.
{CO1} and {CO2} announced a partnership to build electric vehicle batteries in {C1}.
A survey of purchasing managers showed factory activity in {C1} contracting for a {ORD} month.
Consumer confidence fell to its lowest level since {YEAR}, as households worried about rising food and energy bills.
Farmers in {C1} have been hit by drought, pushing up the price of wheat and coffee on world markets.
{P1t} announced a ${BIL} billion stimulus package aimed at supporting small businesses.
{O1} approved a ${BIL} billion loan for {C1}, subject to reforms of the energy sector and tax collection.
Gold hit a record high of ${GOLD} an ounce as investors sought safety.
Markets in {CT1} closed lower, with technology stocks leading the decline.
{CO1} reported a net loss of ${MIL} million for the quarter, compared with a profit a year earlier.
Analysts said the company's margins had been squeezed by higher labour costs and a stronger currency.
{B1s} will step down at the end of the year after {N} years at the helm, {CO1} said in a statement.
Sales at {CO1} in {C1} fell {PCT} percent, hurt by fierce competition from local rivals.
The finance ministry in {CT1} said the budget deficit would narrow to {PCT} percent of GDP next year.
Wage growth slowed to {PCT} percent, easing concerns that rising pay would keep inflation high.
Shipping costs between Asia and Europe have more than doubled since {MONTH}, according to industry data.
The government of {C1} raised the minimum wage by {N} percent, the largest increase in a decade.
The board of {CO1} approved a share buyback of up to ${BIL} billion.
Investors are watching for signals from {O1} about the path of interest rates later this year.
Moody's downgraded {C1}'s debt, citing rising interest costs and political uncertainty.
Officials from {C1} and {C2} concluded a {ORD} round of trade talks in {CT1} without a deal.
{P1t} said tariffs would remain in place until {C1} "opens its markets fairly."
Brent crude settled at ${OIL} a barrel, its lowest close in several weeks.
Tourism revenue in {C1} hit a record ${BIL} billion last year, the tourism ministry said.
{CO1} said it would move part of its production from {C1} to {C2} to avoid new duties.
Small businesses in {CT1} say rising rents and energy bills have made it hard to stay open.
The stock exchange in {CT1} suspended trading in shares of {CO1} pending an announcement.
{B1t} told shareholders at the annual meeting in {CT1} that the company had "no plans to slow down."
Economists warned that a prolonged slowdown in {C1} would ripple through supply chains across Asia.
The housing ministry said prices in {CT1} had fallen {PCT} percent over the past year.
Bond investors demanded higher yields after the government unveiled plans for more borrowing.
"{Q}," {B1s} said in an interview with {M1}.
Airlines have added more flights between {CT1} and {CT2} to meet strong demand.
The agreement will eliminate tariffs on about {N} percent of goods traded between {C1} and {C2} within {N1} years.
""")

SPORT = _names("""\
{A1t} scored twice as {TM1} beat {TM2} {SCORE} on {DAY}.
{TM1} moved {N1} points clear at the top of the table after a {SCORE} win away at {TM2}.
{A1s} opened the scoring in the {MIN} minute with a low shot into the far corner.
{A2t} said the team had "deserved more" after a frustrating draw.
{A1t} won the title in {CT1} after beating {A2s} in straight sets.
{A1s} has now won {N1} titles this season, more than any other player on the tour.
{A1t} took pole position for {DAY}'s race in {CT1}, edging {A2s} by less than a tenth of a second.
A crowd of {CROWD} packed the stadium in {CT1} for the final.
{TM1} confirmed that {A1s} would miss the next {N1} weeks with a hamstring injury.
"{Q}," {A1s} told reporters after the match.
{A1t} signed a new contract with {TM1} that runs until {YEAR2}.
The transfer fee was reported to be about {EUR} million euros, a club record for {TM1}.
{TM1} were knocked out in the quarter-finals after losing on penalties to {TM2}.
{A1s} finished {ORD} after a slow pit stop, losing ground in the championship.
The governing body said it would investigate crowd trouble that delayed the start of the match in {CT1}.
{A1t} broke the meeting record in {CT1}, bettering a mark that had stood since {YEAR}.
{TM2} had a goal ruled out for offside by the video assistant referee just before half-time.
After the game, {A2s} praised the players for their "character and discipline."
{TM1} have won each of their last {N1} games in all competitions.
The final will be played in {CT1} on {DATE}.
{A1s} has been named player of the month for the {ORD} time this season.
A brilliant solo goal by {A1t} in stoppage time sealed the victory for {TM1}.
Organisers said tickets for the tournament in {C1} had sold out within hours.
{TM1} are expected to offer {A1s} a new deal worth about ${MIL} million over {N1} years.
{A1t} withdrew from the tournament in {CT1} with a back injury, calling the decision precautionary.
{A1s} needed medical treatment on court in the third set but recovered to win in just under {N1} hours.
The defending champions will face {TM2} in the semi-finals next week.
The league said it had fined {TM1} ${N2} for breaching its rules on player registration.
{P1t} congratulated the national team on social media, calling the win "a gift to the whole nation."
{A1t} and {A2t} are tied for the lead heading into the final round.
The race was briefly halted after a crash involving {N1} cars on the opening lap.
Fans in {CT1} celebrated late into the night after the victory by {TM1}, the club's first major trophy in {N} years.
{O1} announced that {C1} would host the event in {YEAR2}, beating rival bids from {C2} and {C3}.
{A1s} told {M1} that retirement was "not on my mind at the moment."
The referee showed {N1} yellow cards and sent off one player in a bad-tempered match in {CT1}.
{TM1} finished the regular season with a {REC} record, the best in the league.
{A1t} scored {PTS} points as {TM1} beat {TM2} {BSCORE} on {DAY} night.
The match was played in heavy rain, and the pitch in {CT1} was barely playable by the end.
Anti-doping officials said {A1s} had been cleared after tests found no banned substances.
The {ORD}-seeded {A1s} faces {A2s} in the next round on {DAY}.
{CO1} signed a {N1}-year sponsorship deal with {TM1} worth a reported ${MIL} million a season.
Defending champion {A1s} was upset in the first round in {CT1} by a qualifier ranked outside the top 100.
{A2t} said the club would not sell {A1s} "at any price."
The tournament in {C1} drew a record television audience of about {MIL} million viewers.
{TM1} said it had parted ways with its manager after a run of {N1} straight defeats.
""")

TECH = _names("""\
{CO1} unveiled a new artificial intelligence model on {DAY}, saying it could handle complex reasoning tasks faster than its predecessor.
{B1t} said the company expected to spend about ${BIL} billion on data centres this year.
Demand for advanced chips made by {CO1} continues to outstrip supply, analysts say.
Regulators in {CT1} opened an investigation into whether {CO1} had abused its dominant position in online advertising.
The European Commission fined {CO1} {EUR} million euros for breaching competition rules.
A cyberattack disrupted services at several hospitals in {C1}, officials said, and some patients were diverted to other cities.
Security researchers linked the attack to a hacking group believed to operate from {C1}.
{CO1} said its new smartphone would go on sale in {C1} and {C2} on {DATE}.
"{Q}," {B1s} said at the company's annual developer conference in {CT1}.
The startup, based in {CT1}, raised ${MIL} million in a funding round led by {CO1}.
{CO1} and {CO2} signed a multiyear agreement for cloud computing capacity worth billions of dollars.
Export controls imposed by {C1} have made it harder for companies in {C2} to buy the most advanced chips.
{P1t} said the government would introduce legislation to protect children from harmful content online.
The app has been downloaded more than {MIL} million times since its launch in {MONTH}.
{CO1} said a faulty software update had caused the outage, which affected millions of users for about {N1} hours.
Engineers at {CO1} have been working on the project since {YEAR}, according to people familiar with it.
{B1s} told investors the company had no plans to enter the market in {C1} "for now."
A new data centre near {CT1} will consume as much electricity as a city of {N2} people, local officials estimate.
{CO1} is building a chip plant in {CT1} with the help of government subsidies worth ${BIL} billion.
Critics say the technology could be used for mass surveillance and have called for tighter rules.
Shares of {CO1} rose {PCT} percent after the company reported record sales of its data centre products.
The satellite was launched from {CT1} aboard a rocket built by {CO1}.
{O1} warned that ransomware attacks on schools and local governments had risen sharply.
Authors and artists filed a lawsuit against {CO1} in {CT1}, alleging that their work had been used without permission to train its systems.
{B1t} said artificial intelligence would "change every job, but not replace every worker."
The government of {C1} banned the use of the app on official devices, citing security concerns.
{CO1} has cut prices of its electric cars in {C1} for the {ORD} time this year.
The new battery plant in {CT1} will employ about {N2} people when it reaches full production.
{CO1} reached a settlement with regulators in {C1} over data privacy, agreeing to pay ${MIL} million.
Analysts at {CO2} said the launch would help {CO1} regain market share lost to cheaper rivals.
{P1t} met technology executives, including {B1t}, to discuss investment in artificial intelligence.
Researchers at a university in {CT1} said they had built a quantum processor with {N} qubits.
The rollout of the service in {C1} has been delayed until {MONTH} because of licensing issues.
{CO1} said hackers had stolen the personal data of about {MIL} million customers.
"{Q}," said {B1s}, adding that the company would publish more details later this year.
The chipmaker said it would build its first factory in {C1}, a move welcomed by {P1t}.
Telecom operators in {C1} are racing to extend fifth-generation networks to rural areas.
The space agency of {C1} said its probe had entered orbit around the moon.
Venture capital investment in AI startups reached ${BIL} billion in the first half of the year.
{CO1} is facing a separate lawsuit in {CT1} over claims that its recommendation algorithms harm teenagers.
A spokeswoman for {CO1} said the company "takes the security of our users extremely seriously."
{B1s} founded the company in a rented office in {CT1} in {YEAR}.
The partnership will give {CO1} access to millions of customers in {C1}.
Engineers say the new chips use about {N} percent less power than the previous generation.
Users in {C1} reported problems logging in to the service for much of {DAY}.
""")

COURTS = _names("""\
A court in {CT1} sentenced {P1t} to {N1} years in prison on corruption charges, a verdict the defence said it would appeal.
{J1t} wrote for the majority that the law "cannot be squared with the plain text of the Constitution."
{O1} agreed to hear the case and is expected to rule by the end of June.
Prosecutors in {CT1} charged {N1} people with fraud in connection with the collapse of a local bank.
A federal judge in {CT1} temporarily blocked the policy, saying it was likely to cause "irreparable harm."
{J1t} dissented, arguing that the court had overstepped its role.
The trial is scheduled to begin on {DATE} and could last several months.
Lawyers for {P1s} said their client would plead not guilty to all charges.
{O1} issued an arrest warrant for the former commander, accusing him of war crimes.
The jury deliberated for {N1} days before returning its verdict.
{CO1} agreed to pay ${MIL} million to settle allegations that it had misled investors.
An appeals court in {CT1} upheld the conviction but reduced the sentence to {N1} years.
Police in {CT1} arrested {N} people suspected of running an online investment scam that targeted pensioners.
The attorney general said the department would appeal the ruling "as far as necessary."
Human rights groups said the trial in {CT1} had fallen short of international standards.
{J1t} asked the government's lawyer whether there was any limit to the power being claimed.
The judge ordered {CO1} to hand over internal emails and documents by {DATE}.
A lawsuit filed by {N} states accuses {CO1} of running an illegal monopoly.
The defendant, a {AGE}-year-old man from {CT1}, was charged with murder and remanded in custody.
The highest court in {C1} ruled that the election results were valid and dismissed the opposition's petition.
{P1s} was released on bail of ${N2} and ordered to surrender all travel documents.
Prosecutors allege that more than ${MIL} million was moved through shell companies in {C1} and {C2}.
The judge said the evidence against {P1s} was "overwhelming" and rejected the request for a new trial.
An inquiry into the disaster in {CT1} found that warnings from engineers had been ignored for years.
The case was dismissed after key witnesses refused to testify.
{O1} said it would review the decision and consider further legal action.
The court gave the government {N1} months to amend the law or see it struck down.
The former minister denied all the charges, telling the court in {CT1} that the case was "a political vendetta."
A grand jury indicted {N1} executives of {CO1} on charges of conspiracy and wire fraud.
Under a plea agreement, the defendant will cooperate with prosecutors in exchange for a reduced sentence.
The Supreme Court of {C1} struck down a law that had allowed detention without trial for up to {N} days.
"{Q}," the judge told the courtroom in {CT1} before reading out the sentence.
{J1t} said the lower court had "applied the wrong standard" and sent the case back.
Civil liberties groups filed a challenge in {CT1}, arguing that the surveillance programme violated the right to privacy.
The regulator fined {CO1} ${MIL} million for failing to protect customer data.
Extradition hearings for the businessman, who was arrested in {CT1} in {MONTH}, are due to begin next week.
The conviction bars {P1s} from running for office for {N1} years.
Prosecutors said they would seek the maximum sentence of {N} years.
The court in {CT1} ordered the release of {N} protesters detained during demonstrations last month.
The ruling, by a vote of {JVOTE}, is expected to affect thousands of pending cases.
""")

GENERAL = _names("""\
The announcement came as {P1t} prepared to travel to {CT1} for a regional summit.
It was not immediately clear how the measure would be enforced.
Details of the agreement have not been made public.
The figures could not be independently verified.
{M1} first reported the plan on {DAY}, citing people familiar with the discussions.
Officials did not respond to requests for comment.
"{Q}," said {P1t}.
"{Q}," {P1s} added.
"{Q}. {Q2}," {P1s} wrote on social media.
The decision drew sharp criticism from {O1}, which called it "a step in the wrong direction."
The move is likely to face legal challenges.
Some residents of {CT1} said they had lost patience with promises from politicians.
{P1s} did not take questions from reporters.
It is the {ORD} such incident this year.
The plan still requires approval from parliament.
In {CT1}, a {AGE}-year-old shopkeeper said prices had doubled in a year. "{Q}," she said.
Experts said the full impact would not be known for months.
The agreement will be reviewed after {N1} years.
Weather forecasters warned of heavy rain and flooding in {CT1} over the weekend.
{O1} welcomed the move but said more needed to be done.
Speaking to {M1} on {DAY}, {P1s} said the decision had been "difficult but necessary."
Reporting by {M1} showed that the idea had been discussed internally for months.
The talks are set to resume on {DATE}.
Asked about the timing, a senior official said only that "everything is on the table."
Authorities in {CT1} said more than {N2} people had signed up for the scheme in its first week.
A year earlier, the same proposal had been rejected by a wide margin.
Critics of {P1s} were quick to respond.
Both sides say they want a deal, but deep differences remain.
The issue is likely to dominate the campaign in the coming weeks.
Similar measures have been tried in {C1} and {C2} with mixed results.
{P1t} is scheduled to speak at the event in {CT1} on {DATE}.
Flights between {CT1} and {CT2} were cancelled on {DAY} because of a strike by air traffic controllers.
By {DAY} evening, the hashtag had been shared more than {N2} times.
""")

# Entity-free background sentences (original), mixed in to keep name density
# and capitalisation close to real wire copy.
FILLER = {
    "politics": _names("""\
The debate in the chamber stretched late into the night, with speakers from both sides trading accusations.
Many voters say they feel ignored by the main parties and are unsure whether they will turn out at all.
The reform would also lower the threshold for smaller parties to enter parliament.
Government officials have argued that the changes are needed to speed up decisions on housing and infrastructure.
Opposition lawmakers have promised to challenge the law in the courts if it is passed in its current form.
The campaign has been dominated by arguments over taxes, health care and the rising cost of rent.
Several ministers are expected to lose their posts in the reshuffle, according to party insiders.
Turnout among younger voters has fallen at each of the last three elections.
The prime minister's allies insist that the government still has enough support to finish its term.
A final decision on the date of the vote is expected after the holidays.
The party's leadership has struggled to contain a revolt by backbenchers over spending cuts.
Negotiators worked through the weekend to agree the wording of the final communique.
"""),
    "war": _names("""\
Residents said the shelling began shortly before dawn and continued for several hours.
Many families have fled to relatives in safer areas, carrying only what they could fit in their cars.
Both sides have accused each other of targeting civilian infrastructure, including power stations and water plants.
Humanitarian workers say access to the worst-hit areas remains extremely limited.
The front line has barely moved in months, despite heavy losses on both sides.
Medical staff said they were treating patients in corridors because the wards were full.
The military did not say how many of its own soldiers had been wounded in the fighting.
Long queues formed at bakeries and petrol stations as residents stocked up on supplies.
Aid agencies have warned that winter will make conditions in the camps even harder.
The ceasefire has been violated repeatedly, according to monitors on the ground.
Schools in the area have moved lessons online, and many children have not been inside a classroom for a year.
"""),
    "economy": _names("""\
Economists said the figures pointed to a gradual cooling rather than a sharp downturn.
Higher borrowing costs have weighed on business investment and on the housing market.
Prices for food and energy, which tend to swing widely, rose faster than the overall index.
The company said it would update investors on its strategy at a meeting later this year.
Some analysts warned that the recovery remained fragile and uneven across sectors.
Stocks were mixed in afternoon trading, while bond yields edged lower.
Manufacturers have complained that new customs checks are adding days to deliveries.
Households have cut back on spending on restaurants, travel and clothing.
The outlook for the rest of the year depends heavily on energy prices, the report said.
Business groups welcomed the move but said taxes on small firms remained too high.
Demand for electric vehicles has slowed in some markets after subsidies were reduced.
"""),
    "sport": _names("""\
The visitors struggled to create chances in the first half and fell behind just before the break.
It was a scrappy match, with few clear opportunities at either end.
The result leaves the team needing a win in the final game to stay in contention.
Supporters booed the players off the pitch at the final whistle.
The home side dominated possession but could not find a way through a well-organised defence.
The second set turned on a single break of serve midway through.
Conditions were difficult, with strong winds and temperatures close to freezing.
The squad flew home on Sunday and will return to training later in the week.
"""),
    "tech": _names("""\
The company did not say how many users had been affected by the problem.
Industry analysts say competition for engineers with expertise in machine learning has never been fiercer.
The new rules would require platforms to remove illegal content more quickly and publish regular reports.
Privacy campaigners have raised concerns about how much personal data the system collects.
Chipmakers are racing to add capacity as demand from data centres continues to grow.
The feature will be rolled out gradually over the coming months, starting with a small group of testers.
Experts said the outage showed how dependent businesses had become on a handful of cloud providers.
The device is expected to be more expensive than its predecessor.
"""),
    "courts": _names("""\
The hearing lasted most of the day, and the judges are expected to deliver their decision in writing.
The defence argued that the evidence had been obtained illegally and should be thrown out.
Legal experts said the ruling could set an important precedent for similar cases.
The trial was held behind closed doors, and journalists were not allowed into the courtroom.
Relatives of the victims wept as the verdict was read out.
The prosecution called more than 40 witnesses over the course of the trial.
The case has been delayed several times because of procedural disputes.
Both sides have 30 days to file an appeal.
"""),
    "general": _names("""\
The details are still being worked out, officials said.
It was not clear when the changes would take effect.
The announcement was met with a mix of relief and scepticism.
Similar efforts in the past have ended in failure.
Officials said further measures could be announced in the coming days.
The situation remains fluid, and the numbers are likely to change.
Few expect a quick resolution.
Much will depend on what happens over the next few weeks.
Not everyone was convinced that the plan would work as intended.
The change is the biggest of its kind in more than a generation.
There was no immediate reaction from the other side.
Observers said the tone of the talks had been more constructive than in previous rounds.
The timing of the announcement raised questions among critics, who saw it as an attempt to change the subject.
For many people, the immediate concern is simply getting through the winter.
The figures are expected to be revised as more information becomes available.
What happens next is far from certain.
"""),
}

# Clause endings (original) occasionally appended to a plain sentence.
TAILS = _names("""\
, officials said
, according to people familiar with the matter
, though no timetable was given
, a move that surprised many observers
, two people briefed on the discussions said
, according to a statement released late in the day
, although the details remain unclear
, in a sign of growing frustration
, the latest in a series of setbacks
, despite repeated warnings from experts
, according to local media reports
, a spokesperson confirmed
, as pressure continued to build
, reversing a decision taken only weeks earlier
, in what analysts described as a significant shift
, raising fresh questions about the government's plans
""")

HEADLINES = {
    "politics": _names("""\
{P1s} survives confidence vote as coalition holds together
{C1} summons envoy of {C2} over interference claims
Thousands march in {CT1} against pension overhaul
{P1s} to meet {P2s} in {CT1} as tensions ease
{PTY1} gains ground in polls ahead of {C1} vote
Parliament in {C1} passes contested media law
{P1s} names new cabinet after weeks of deadlock
Opposition cries foul as {C1} counts votes
"""),
    "war": _names("""\
Drone strike on {CT1} kills {N}, officials say
{G1} attack kills soldiers near {C1} border
Aid groups warn of hunger in {CT1} as fighting spreads
{C1} and {C2} agree prisoner swap after talks in {CT1}
{P1s} vows response after overnight barrage
Ceasefire talks resume in {CT1} amid fresh clashes
Thousands flee {CT1} as front line shifts
"""),
    "economy": _names("""\
{CO1} shares slide after profit warning
Inflation in {C1} eases to {PCT}% in {MONTH}
{CO1} to cut {N2} jobs in restructuring
Central bank in {C1} holds rates steady
Oil climbs as supply worries mount
{P1s} unveils tariffs on steel imports
{CO1} agrees ${BIL} billion deal for rival
"""),
    "sport": _names("""\
{A1s} double lifts {TM1} past {TM2}
{A1s} wins title in {CT1}
{TM1} out of cup after shootout loss to {TM2}
{A1s} takes pole in {CT1}
{TM1} agree record deal for {A1s}
{A1s} out for weeks with hamstring injury
"""),
    "tech": _names("""\
{CO1} unveils new AI model as rivalry heats up
Cyberattack disrupts hospitals in {C1}
Regulators in {CT1} probe {CO1} over advertising
{CO1} to build ${BIL} billion chip plant in {CT1}
{CO1} says hackers stole customer data
{B1s} bets big on data centres
"""),
    "courts": _names("""\
Court in {CT1} jails former minister for {N1} years
Judge blocks policy in {CT1} ruling
{CO1} settles investor lawsuit for ${MIL} million
Supreme Court to hear challenge to surveillance law
{P1s} pleads not guilty in {CT1} court
"""),
}

TOPICS = {
    "politics": POLITICS,
    "war": WAR,
    "economy": ECONOMY,
    "sport": SPORT,
    "tech": TECH,
    "courts": COURTS,
}
TOPIC_NAMES = list(TOPICS)
TOPIC_WEIGHTS = [30, 22, 20, 12, 9, 7]
ALL_TOPIC_TEMPLATES = [t for ts in TOPICS.values() for t in ts]
FILLER_GENERAL = FILLER["general"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
             "Sept.", "Oct.", "Nov.", "Dec."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "10th"]
MONTH_LEN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def _ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def _dec(r, lo, hi):
    return f"{r.uniform(lo, hi):.1f}"


def _intercept(r):
    total = r.randint(12, 140)
    return f"{r.randint(total // 2, total)} of {total}"


NUMGEN = {
    "N": lambda r: str(r.randint(2, 40)),
    "N1": lambda r: str(r.randint(2, 9)),
    "N2": lambda r: f"{r.randint(1, 95) * 100 + r.choice((0, 50)):,}",
    "PCT": lambda r: _dec(r, 0.3, 9.8),
    "PCT2": lambda r: _dec(r, 0.3, 9.8),
    "BIL": lambda r: _dec(r, 1.1, 48.0),
    "MIL": lambda r: str(r.randint(12, 950)),
    "EUR": lambda r: str(r.randint(20, 180)),
    "AGE": lambda r: str(r.randint(19, 84)),
    "SCORE": lambda r: f"{r.randint(1, 4)}-{r.randint(0, 2)}",
    "BSCORE": lambda r: f"{r.randint(101, 128)}-{r.randint(88, 100)}",
    "PTS": lambda r: str(r.randint(18, 46)),
    "REC": lambda r: (lambda w: f"{w}-{82 - w}")(r.randint(44, 66)),
    "DAY": lambda r: r.choice(DAYS),
    "DATE": lambda r: (lambda m: f"{AP_MONTHS[m]} {r.randint(1, MONTH_LEN[m])}")(r.randrange(12)),
    "MONTH": lambda r: r.choice(MONTHS),
    "YEAR": lambda r: str(r.randint(1991, 2023)),
    "YEAR2": lambda r: str(r.randint(2027, 2034)),
    "ORD": lambda r: r.choice(ORDINALS),
    "MIN": lambda r: _ordinal(r.randint(3, 89)),
    "VOTE": lambda r: (lambda a: f"{a}-{r.randint(a // 3, a - 1)}")(r.randint(60, 330)),
    "JVOTE": lambda r: r.choice(("6-3", "5-4", "7-2", "9-0", "6-3")),
    "OIL": lambda r: f"{r.uniform(58, 96):.2f}",
    "GOLD": lambda r: f"{r.randint(2400, 4300):,}",
    "CROWD": lambda r: f"{r.randint(18, 95) * 1000 + r.randint(0, 999):,}",
    "INTERCEPT": _intercept,
    "Q": lambda r: r.choice(QUOTES),
    "Q2": lambda r: r.choice(QUOTES),
}

SLOT_RE = re.compile(r"^([A-Z]+?)([1-3])([ts]?)$")
FIELD_RE = re.compile(r"\{([A-Za-z0-9]+)\}")


class Doc:
    """Per-article state: the cast of entities and which people were introduced."""

    __slots__ = ("r", "cast", "introduced", "entities")

    def __init__(self, r):
        self.r = r
        self.cast = {k: r.sample(pool, min(CAST_SIZE[k], len(pool)))
                     for k, pool in POOLS.items()}
        self.introduced = set()
        self.entities = 0


class Slots(dict):
    """Lazily fills template fields for one sentence."""

    __slots__ = ("doc", "used")

    def __init__(self, doc):
        super().__init__()
        self.doc = doc
        self.used = {}

    def _pick(self, kind, idx):
        key = (kind, idx)
        ent = self.used.get(key)
        if ent is None:
            doc = self.doc
            r = doc.r
            taken = [v for (k, _), v in self.used.items() if k == kind]
            src = doc.cast[kind] if r.random() < 0.8 else POOLS[kind]
            for _ in range(8):
                ent = r.choice(src)
                if ent not in taken:
                    break
                src = POOLS[kind]
            self.used[key] = ent
        return ent

    def __missing__(self, key):
        gen = NUMGEN.get(key)
        if gen is not None:
            val = gen(self.doc.r)
        else:
            m = SLOT_RE.match(key)
            if not m:
                raise KeyError(key)
            kind, idx, form = m.group(1), m.group(2), m.group(3)
            ent = self._pick(kind, idx)
            doc = self.doc
            doc.entities += 1
            if kind in PERSON_KINDS:
                name, titled, surname = ent
                if name not in doc.introduced:
                    doc.introduced.add(name)
                    val = name if form == "" else titled
                elif form == "t":
                    val = surname if doc.r.random() < 0.7 else titled
                elif form == "s":
                    val = surname
                else:
                    val = name if doc.r.random() < 0.5 else surname
            else:
                val = ent
        self[key] = val
        return val


def fill(template, doc):
    s = template.format_map(Slots(doc))
    c = s[0]
    if c == '"':
        if s[1].islower():
            s = '"' + s[1].upper() + s[2:]
    elif c.islower():
        s = c.upper() + s[1:]
    return s


def curlify(text):
    parts = text.split('"')
    if len(parts) > 1:
        out = [parts[0]]
        for i, p in enumerate(parts[1:]):
            out.append("\u201c" if i % 2 == 0 else "\u201d")
            out.append(p)
        text = "".join(out)
    return text.replace("'", "\u2019")


def make_article(r, num):
    doc = Doc(r)
    topic = r.choices(TOPIC_NAMES, TOPIC_WEIGHTS)[0]
    main = TOPICS[topic]
    filler = FILLER[topic]
    seen = set()
    curly = r.random() < 0.4
    target = min(6000, max(2000, int(r.lognormvariate(math.log(3400), 0.3))))

    paragraphs = []
    total = -1  # no separator before the first paragraph
    while True:
        nsent = r.choices((1, 2, 3), (30, 45, 25))[0]
        sents = []
        for _ in range(nsent):
            for _attempt in range(4):  # avoid repeating a sentence in one article
                x = r.random()
                if x < 0.53:
                    t = r.choice(main)
                elif x < 0.65:
                    t = r.choice(GENERAL)
                elif x < 0.69:
                    t = r.choice(ALL_TOPIC_TEMPLATES)
                elif x < 0.95:
                    t = r.choice(filler)
                else:
                    t = r.choice(FILLER_GENERAL)
                if t not in seen:
                    break
            seen.add(t)
            sent = fill(t, doc)
            if (r.random() < 0.3 and sent[-1] == "." and '"' not in sent
                    and " said" not in sent and len(sent) < 140):
                sent = sent[:-1] + r.choice(TAILS) + "."
            sents.append(sent)
        para = " ".join(sents)
        if curly:
            para = curlify(para)
        if total + 1 + len(para) > 6000:
            if total >= 2000:
                break
            continue  # too long to fit; try another paragraph
        paragraphs.append(para)
        total += 1 + len(para)
        if total >= target:
            break

    title = fill(r.choice(HEADLINES[topic]), doc)
    if curly:
        title = title.replace("'", "\u2019")
    y = r.choice((2023, 2024, 2025))
    m = r.randrange(12)
    d = r.randint(1, MONTH_LEN[m])
    rec = {
        "id": f"synth-{num:06d}",
        "title": title,
        "text": "\n".join(paragraphs),
        "date": f"{y}-{m + 1:02d}-{d:02d}",
    }
    return rec, doc.entities


def bad_line(r, kind, sample_line):
    """Return one malformed line (bytes, newline-terminated)."""
    if kind == 0:  # truncated JSON
        cut = r.randint(10, max(11, len(sample_line) // 2))
        return sample_line[:cut] + b"\n"
    if kind == 1:  # record without "text"
        rec = {"id": f"bad-{r.randint(0, 999999):06d}",
               "title": "Record without a text field",
               "date": "2025-01-01"}
        return json.dumps(rec).encode("ascii") + b"\n"
    # random bytes, guaranteed invalid UTF-8 (0xff never occurs in UTF-8)
    body = bytes(r.randrange(256) for _ in range(r.randint(20, 120)))
    body = body.replace(b"\n", b" ")
    return b"\xff\xfe" + body + b"\xc3\x28\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1000, help="number of articles")
    ap.add_argument("--seed", type=int, default=1, help="random seed")
    ap.add_argument("--bad", type=int, default=0,
                    help="number of malformed lines to insert")
    ap.add_argument("--stats", action="store_true",
                    help="print word/entity density statistics to stderr")
    args = ap.parse_args(argv)

    r = random.Random(args.seed)
    bad_r = random.Random(f"bad-{args.seed}")
    out = sys.stdout.buffer
    n = max(0, args.docs)
    bad_at = {}
    if args.bad > 0:
        # spread malformed lines evenly: insert before doc index k
        for i in range(args.bad):
            pos = (i + 1) * n // (args.bad + 1)
            bad_at.setdefault(pos, []).append(i % 3)

    t0 = time.time()
    nbytes = 0
    nbad = 0
    words = caps = ents = 0
    buf = []
    last_line = b'{"id": "synth-000000", "title": "x", "text": "y", "date": "2025-01-01"}'
    for i in range(n + 1):
        for kind in bad_at.get(i, ()):
            line = bad_line(bad_r, kind, last_line)
            buf.append(line)
            nbytes += len(line)
            nbad += 1
        if i == n:
            break
        rec, e = make_article(r, i + 1)
        line = (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
        last_line = line
        buf.append(line)
        nbytes += len(line)
        if args.stats:
            toks = rec["text"].split()
            words += len(toks)
            caps += sum(1 for w in toks if w.lstrip("\"'\u201c\u2018(")[:1].isupper())
            ents += e
        if len(buf) >= 512:
            out.write(b"".join(buf))
            buf.clear()
    out.write(b"".join(buf))
    out.flush()

    dt = time.time() - t0
    msg = (f"make_corpus: docs={n} bad={nbad} bytes={nbytes} "
           f"({nbytes / 1e6:.1f} MB) seconds={dt:.1f}")
    if args.stats and words:
        msg += (f"\n  words={words} capitalised={caps / words:.1%} "
                f"entity_mentions={ents} words_per_entity={words / max(1, ents):.1f}")
    print(msg, file=sys.stderr)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # e.g. piped into `head`
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
