//! The HTML5 named character references (the WHATWG table as shipped in Python's
//! `html.entities.html5`), packed for size: `BLOB` holds `name\0value` entries sorted by name
//! (without the `;`), `INDEX[i]..INDEX[i + 1]` is entry `i`. `LEGACY` lists the names browsers
//! also decode without a trailing `;`.

pub(super) static BLOB: &str = "AElig\0\u{c6}AMP\0&Aacute\0\u{c1}Abreve\0\u{102}Acirc\0\u{c2}Acy\0\u{410}Afr\0\u{1d504}\
Agrave\0\u{c0}Alpha\0\u{391}Amacr\0\u{100}And\0\u{2a53}Aogon\0\u{104}Aopf\0\u{1d538}\
ApplyFunction\0\u{2061}Aring\0\u{c5}Ascr\0\u{1d49c}Assign\0\u{2254}Atilde\0\u{c3}\
Auml\0\u{c4}Backslash\0\u{2216}Barv\0\u{2ae7}Barwed\0\u{2306}Bcy\0\u{411}Because\0\u{2235}\
Bernoullis\0\u{212c}Beta\0\u{392}Bfr\0\u{1d505}Bopf\0\u{1d539}Breve\0\u{2d8}Bscr\0\u{212c}\
Bumpeq\0\u{224e}CHcy\0\u{427}COPY\0\u{a9}Cacute\0\u{106}Cap\0\u{22d2}\
CapitalDifferentialD\0\u{2145}Cayleys\0\u{212d}Ccaron\0\u{10c}Ccedil\0\u{c7}Ccirc\0\u{108}\
Cconint\0\u{2230}Cdot\0\u{10a}Cedilla\0\u{b8}CenterDot\0\u{b7}Cfr\0\u{212d}Chi\0\u{3a7}\
CircleDot\0\u{2299}CircleMinus\0\u{2296}CirclePlus\0\u{2295}CircleTimes\0\u{2297}\
ClockwiseContourIntegral\0\u{2232}CloseCurlyDoubleQuote\0\u{201d}CloseCurlyQuote\0\u{2019}\
Colon\0\u{2237}Colone\0\u{2a74}Congruent\0\u{2261}Conint\0\u{222f}\
ContourIntegral\0\u{222e}Copf\0\u{2102}Coproduct\0\u{2210}\
CounterClockwiseContourIntegral\0\u{2233}Cross\0\u{2a2f}Cscr\0\u{1d49e}Cup\0\u{22d3}\
CupCap\0\u{224d}DD\0\u{2145}DDotrahd\0\u{2911}DJcy\0\u{402}DScy\0\u{405}DZcy\0\u{40f}\
Dagger\0\u{2021}Darr\0\u{21a1}Dashv\0\u{2ae4}Dcaron\0\u{10e}Dcy\0\u{414}Del\0\u{2207}\
Delta\0\u{394}Dfr\0\u{1d507}DiacriticalAcute\0\u{b4}DiacriticalDot\0\u{2d9}\
DiacriticalDoubleAcute\0\u{2dd}DiacriticalGrave\0`DiacriticalTilde\0\u{2dc}\
Diamond\0\u{22c4}DifferentialD\0\u{2146}Dopf\0\u{1d53b}Dot\0\u{a8}DotDot\0\u{20dc}\
DotEqual\0\u{2250}DoubleContourIntegral\0\u{222f}DoubleDot\0\u{a8}\
DoubleDownArrow\0\u{21d3}DoubleLeftArrow\0\u{21d0}DoubleLeftRightArrow\0\u{21d4}\
DoubleLeftTee\0\u{2ae4}DoubleLongLeftArrow\0\u{27f8}DoubleLongLeftRightArrow\0\u{27fa}\
DoubleLongRightArrow\0\u{27f9}DoubleRightArrow\0\u{21d2}DoubleRightTee\0\u{22a8}\
DoubleUpArrow\0\u{21d1}DoubleUpDownArrow\0\u{21d5}DoubleVerticalBar\0\u{2225}\
DownArrow\0\u{2193}DownArrowBar\0\u{2913}DownArrowUpArrow\0\u{21f5}DownBreve\0\u{311}\
DownLeftRightVector\0\u{2950}DownLeftTeeVector\0\u{295e}DownLeftVector\0\u{21bd}\
DownLeftVectorBar\0\u{2956}DownRightTeeVector\0\u{295f}DownRightVector\0\u{21c1}\
DownRightVectorBar\0\u{2957}DownTee\0\u{22a4}DownTeeArrow\0\u{21a7}Downarrow\0\u{21d3}\
Dscr\0\u{1d49f}Dstrok\0\u{110}ENG\0\u{14a}ETH\0\u{d0}Eacute\0\u{c9}Ecaron\0\u{11a}\
Ecirc\0\u{ca}Ecy\0\u{42d}Edot\0\u{116}Efr\0\u{1d508}Egrave\0\u{c8}Element\0\u{2208}\
Emacr\0\u{112}EmptySmallSquare\0\u{25fb}EmptyVerySmallSquare\0\u{25ab}Eogon\0\u{118}\
Eopf\0\u{1d53c}Epsilon\0\u{395}Equal\0\u{2a75}EqualTilde\0\u{2242}Equilibrium\0\u{21cc}\
Escr\0\u{2130}Esim\0\u{2a73}Eta\0\u{397}Euml\0\u{cb}Exists\0\u{2203}ExponentialE\0\u{2147}\
Fcy\0\u{424}Ffr\0\u{1d509}FilledSmallSquare\0\u{25fc}FilledVerySmallSquare\0\u{25aa}\
Fopf\0\u{1d53d}ForAll\0\u{2200}Fouriertrf\0\u{2131}Fscr\0\u{2131}GJcy\0\u{403}GT\0>\
Gamma\0\u{393}Gammad\0\u{3dc}Gbreve\0\u{11e}Gcedil\0\u{122}Gcirc\0\u{11c}Gcy\0\u{413}\
Gdot\0\u{120}Gfr\0\u{1d50a}Gg\0\u{22d9}Gopf\0\u{1d53e}GreaterEqual\0\u{2265}\
GreaterEqualLess\0\u{22db}GreaterFullEqual\0\u{2267}GreaterGreater\0\u{2aa2}\
GreaterLess\0\u{2277}GreaterSlantEqual\0\u{2a7e}GreaterTilde\0\u{2273}Gscr\0\u{1d4a2}\
Gt\0\u{226b}HARDcy\0\u{42a}Hacek\0\u{2c7}Hat\0^Hcirc\0\u{124}Hfr\0\u{210c}\
HilbertSpace\0\u{210b}Hopf\0\u{210d}HorizontalLine\0\u{2500}Hscr\0\u{210b}Hstrok\0\u{126}\
HumpDownHump\0\u{224e}HumpEqual\0\u{224f}IEcy\0\u{415}IJlig\0\u{132}IOcy\0\u{401}\
Iacute\0\u{cd}Icirc\0\u{ce}Icy\0\u{418}Idot\0\u{130}Ifr\0\u{2111}Igrave\0\u{cc}\
Im\0\u{2111}Imacr\0\u{12a}ImaginaryI\0\u{2148}Implies\0\u{21d2}Int\0\u{222c}\
Integral\0\u{222b}Intersection\0\u{22c2}InvisibleComma\0\u{2063}InvisibleTimes\0\u{2062}\
Iogon\0\u{12e}Iopf\0\u{1d540}Iota\0\u{399}Iscr\0\u{2110}Itilde\0\u{128}Iukcy\0\u{406}\
Iuml\0\u{cf}Jcirc\0\u{134}Jcy\0\u{419}Jfr\0\u{1d50d}Jopf\0\u{1d541}Jscr\0\u{1d4a5}\
Jsercy\0\u{408}Jukcy\0\u{404}KHcy\0\u{425}KJcy\0\u{40c}Kappa\0\u{39a}Kcedil\0\u{136}\
Kcy\0\u{41a}Kfr\0\u{1d50e}Kopf\0\u{1d542}Kscr\0\u{1d4a6}LJcy\0\u{409}LT\0<Lacute\0\u{139}\
Lambda\0\u{39b}Lang\0\u{27ea}Laplacetrf\0\u{2112}Larr\0\u{219e}Lcaron\0\u{13d}\
Lcedil\0\u{13b}Lcy\0\u{41b}LeftAngleBracket\0\u{27e8}LeftArrow\0\u{2190}\
LeftArrowBar\0\u{21e4}LeftArrowRightArrow\0\u{21c6}LeftCeiling\0\u{2308}\
LeftDoubleBracket\0\u{27e6}LeftDownTeeVector\0\u{2961}LeftDownVector\0\u{21c3}\
LeftDownVectorBar\0\u{2959}LeftFloor\0\u{230a}LeftRightArrow\0\u{2194}\
LeftRightVector\0\u{294e}LeftTee\0\u{22a3}LeftTeeArrow\0\u{21a4}LeftTeeVector\0\u{295a}\
LeftTriangle\0\u{22b2}LeftTriangleBar\0\u{29cf}LeftTriangleEqual\0\u{22b4}\
LeftUpDownVector\0\u{2951}LeftUpTeeVector\0\u{2960}LeftUpVector\0\u{21bf}\
LeftUpVectorBar\0\u{2958}LeftVector\0\u{21bc}LeftVectorBar\0\u{2952}Leftarrow\0\u{21d0}\
Leftrightarrow\0\u{21d4}LessEqualGreater\0\u{22da}LessFullEqual\0\u{2266}\
LessGreater\0\u{2276}LessLess\0\u{2aa1}LessSlantEqual\0\u{2a7d}LessTilde\0\u{2272}\
Lfr\0\u{1d50f}Ll\0\u{22d8}Lleftarrow\0\u{21da}Lmidot\0\u{13f}LongLeftArrow\0\u{27f5}\
LongLeftRightArrow\0\u{27f7}LongRightArrow\0\u{27f6}Longleftarrow\0\u{27f8}\
Longleftrightarrow\0\u{27fa}Longrightarrow\0\u{27f9}Lopf\0\u{1d543}\
LowerLeftArrow\0\u{2199}LowerRightArrow\0\u{2198}Lscr\0\u{2112}Lsh\0\u{21b0}\
Lstrok\0\u{141}Lt\0\u{226a}Map\0\u{2905}Mcy\0\u{41c}MediumSpace\0\u{205f}\
Mellintrf\0\u{2133}Mfr\0\u{1d510}MinusPlus\0\u{2213}Mopf\0\u{1d544}Mscr\0\u{2133}\
Mu\0\u{39c}NJcy\0\u{40a}Nacute\0\u{143}Ncaron\0\u{147}Ncedil\0\u{145}Ncy\0\u{41d}\
NegativeMediumSpace\0\u{200b}NegativeThickSpace\0\u{200b}NegativeThinSpace\0\u{200b}\
NegativeVeryThinSpace\0\u{200b}NestedGreaterGreater\0\u{226b}NestedLessLess\0\u{226a}\
NewLine\0\u{a}Nfr\0\u{1d511}NoBreak\0\u{2060}NonBreakingSpace\0\u{a0}Nopf\0\u{2115}\
Not\0\u{2aec}NotCongruent\0\u{2262}NotCupCap\0\u{226d}NotDoubleVerticalBar\0\u{2226}\
NotElement\0\u{2209}NotEqual\0\u{2260}NotEqualTilde\0\u{2242}\u{338}NotExists\0\u{2204}\
NotGreater\0\u{226f}NotGreaterEqual\0\u{2271}NotGreaterFullEqual\0\u{2267}\u{338}\
NotGreaterGreater\0\u{226b}\u{338}NotGreaterLess\0\u{2279}\
NotGreaterSlantEqual\0\u{2a7e}\u{338}NotGreaterTilde\0\u{2275}\
NotHumpDownHump\0\u{224e}\u{338}NotHumpEqual\0\u{224f}\u{338}NotLeftTriangle\0\u{22ea}\
NotLeftTriangleBar\0\u{29cf}\u{338}NotLeftTriangleEqual\0\u{22ec}NotLess\0\u{226e}\
NotLessEqual\0\u{2270}NotLessGreater\0\u{2278}NotLessLess\0\u{226a}\u{338}\
NotLessSlantEqual\0\u{2a7d}\u{338}NotLessTilde\0\u{2274}\
NotNestedGreaterGreater\0\u{2aa2}\u{338}NotNestedLessLess\0\u{2aa1}\u{338}\
NotPrecedes\0\u{2280}NotPrecedesEqual\0\u{2aaf}\u{338}NotPrecedesSlantEqual\0\u{22e0}\
NotReverseElement\0\u{220c}NotRightTriangle\0\u{22eb}NotRightTriangleBar\0\u{29d0}\u{338}\
NotRightTriangleEqual\0\u{22ed}NotSquareSubset\0\u{228f}\u{338}\
NotSquareSubsetEqual\0\u{22e2}NotSquareSuperset\0\u{2290}\u{338}\
NotSquareSupersetEqual\0\u{22e3}NotSubset\0\u{2282}\u{20d2}NotSubsetEqual\0\u{2288}\
NotSucceeds\0\u{2281}NotSucceedsEqual\0\u{2ab0}\u{338}NotSucceedsSlantEqual\0\u{22e1}\
NotSucceedsTilde\0\u{227f}\u{338}NotSuperset\0\u{2283}\u{20d2}NotSupersetEqual\0\u{2289}\
NotTilde\0\u{2241}NotTildeEqual\0\u{2244}NotTildeFullEqual\0\u{2247}\
NotTildeTilde\0\u{2249}NotVerticalBar\0\u{2224}Nscr\0\u{1d4a9}Ntilde\0\u{d1}Nu\0\u{39d}\
OElig\0\u{152}Oacute\0\u{d3}Ocirc\0\u{d4}Ocy\0\u{41e}Odblac\0\u{150}Ofr\0\u{1d512}\
Ograve\0\u{d2}Omacr\0\u{14c}Omega\0\u{3a9}Omicron\0\u{39f}Oopf\0\u{1d546}\
OpenCurlyDoubleQuote\0\u{201c}OpenCurlyQuote\0\u{2018}Or\0\u{2a54}Oscr\0\u{1d4aa}\
Oslash\0\u{d8}Otilde\0\u{d5}Otimes\0\u{2a37}Ouml\0\u{d6}OverBar\0\u{203e}\
OverBrace\0\u{23de}OverBracket\0\u{23b4}OverParenthesis\0\u{23dc}PartialD\0\u{2202}\
Pcy\0\u{41f}Pfr\0\u{1d513}Phi\0\u{3a6}Pi\0\u{3a0}PlusMinus\0\u{b1}Poincareplane\0\u{210c}\
Popf\0\u{2119}Pr\0\u{2abb}Precedes\0\u{227a}PrecedesEqual\0\u{2aaf}\
PrecedesSlantEqual\0\u{227c}PrecedesTilde\0\u{227e}Prime\0\u{2033}Product\0\u{220f}\
Proportion\0\u{2237}Proportional\0\u{221d}Pscr\0\u{1d4ab}Psi\0\u{3a8}QUOT\0\u{22}\
Qfr\0\u{1d514}Qopf\0\u{211a}Qscr\0\u{1d4ac}RBarr\0\u{2910}REG\0\u{ae}Racute\0\u{154}\
Rang\0\u{27eb}Rarr\0\u{21a0}Rarrtl\0\u{2916}Rcaron\0\u{158}Rcedil\0\u{156}Rcy\0\u{420}\
Re\0\u{211c}ReverseElement\0\u{220b}ReverseEquilibrium\0\u{21cb}\
ReverseUpEquilibrium\0\u{296f}Rfr\0\u{211c}Rho\0\u{3a1}RightAngleBracket\0\u{27e9}\
RightArrow\0\u{2192}RightArrowBar\0\u{21e5}RightArrowLeftArrow\0\u{21c4}\
RightCeiling\0\u{2309}RightDoubleBracket\0\u{27e7}RightDownTeeVector\0\u{295d}\
RightDownVector\0\u{21c2}RightDownVectorBar\0\u{2955}RightFloor\0\u{230b}\
RightTee\0\u{22a2}RightTeeArrow\0\u{21a6}RightTeeVector\0\u{295b}RightTriangle\0\u{22b3}\
RightTriangleBar\0\u{29d0}RightTriangleEqual\0\u{22b5}RightUpDownVector\0\u{294f}\
RightUpTeeVector\0\u{295c}RightUpVector\0\u{21be}RightUpVectorBar\0\u{2954}\
RightVector\0\u{21c0}RightVectorBar\0\u{2953}Rightarrow\0\u{21d2}Ropf\0\u{211d}\
RoundImplies\0\u{2970}Rrightarrow\0\u{21db}Rscr\0\u{211b}Rsh\0\u{21b1}\
RuleDelayed\0\u{29f4}SHCHcy\0\u{429}SHcy\0\u{428}SOFTcy\0\u{42c}Sacute\0\u{15a}\
Sc\0\u{2abc}Scaron\0\u{160}Scedil\0\u{15e}Scirc\0\u{15c}Scy\0\u{421}Sfr\0\u{1d516}\
ShortDownArrow\0\u{2193}ShortLeftArrow\0\u{2190}ShortRightArrow\0\u{2192}\
ShortUpArrow\0\u{2191}Sigma\0\u{3a3}SmallCircle\0\u{2218}Sopf\0\u{1d54a}Sqrt\0\u{221a}\
Square\0\u{25a1}SquareIntersection\0\u{2293}SquareSubset\0\u{228f}\
SquareSubsetEqual\0\u{2291}SquareSuperset\0\u{2290}SquareSupersetEqual\0\u{2292}\
SquareUnion\0\u{2294}Sscr\0\u{1d4ae}Star\0\u{22c6}Sub\0\u{22d0}Subset\0\u{22d0}\
SubsetEqual\0\u{2286}Succeeds\0\u{227b}SucceedsEqual\0\u{2ab0}SucceedsSlantEqual\0\u{227d}\
SucceedsTilde\0\u{227f}SuchThat\0\u{220b}Sum\0\u{2211}Sup\0\u{22d1}Superset\0\u{2283}\
SupersetEqual\0\u{2287}Supset\0\u{22d1}THORN\0\u{de}TRADE\0\u{2122}TSHcy\0\u{40b}\
TScy\0\u{426}Tab\0\u{9}Tau\0\u{3a4}Tcaron\0\u{164}Tcedil\0\u{162}Tcy\0\u{422}\
Tfr\0\u{1d517}Therefore\0\u{2234}Theta\0\u{398}ThickSpace\0\u{205f}\u{200a}\
ThinSpace\0\u{2009}Tilde\0\u{223c}TildeEqual\0\u{2243}TildeFullEqual\0\u{2245}\
TildeTilde\0\u{2248}Topf\0\u{1d54b}TripleDot\0\u{20db}Tscr\0\u{1d4af}Tstrok\0\u{166}\
Uacute\0\u{da}Uarr\0\u{219f}Uarrocir\0\u{2949}Ubrcy\0\u{40e}Ubreve\0\u{16c}Ucirc\0\u{db}\
Ucy\0\u{423}Udblac\0\u{170}Ufr\0\u{1d518}Ugrave\0\u{d9}Umacr\0\u{16a}UnderBar\0_\
UnderBrace\0\u{23df}UnderBracket\0\u{23b5}UnderParenthesis\0\u{23dd}Union\0\u{22c3}\
UnionPlus\0\u{228e}Uogon\0\u{172}Uopf\0\u{1d54c}UpArrow\0\u{2191}UpArrowBar\0\u{2912}\
UpArrowDownArrow\0\u{21c5}UpDownArrow\0\u{2195}UpEquilibrium\0\u{296e}UpTee\0\u{22a5}\
UpTeeArrow\0\u{21a5}Uparrow\0\u{21d1}Updownarrow\0\u{21d5}UpperLeftArrow\0\u{2196}\
UpperRightArrow\0\u{2197}Upsi\0\u{3d2}Upsilon\0\u{3a5}Uring\0\u{16e}Uscr\0\u{1d4b0}\
Utilde\0\u{168}Uuml\0\u{dc}VDash\0\u{22ab}Vbar\0\u{2aeb}Vcy\0\u{412}Vdash\0\u{22a9}\
Vdashl\0\u{2ae6}Vee\0\u{22c1}Verbar\0\u{2016}Vert\0\u{2016}VerticalBar\0\u{2223}\
VerticalLine\0|VerticalSeparator\0\u{2758}VerticalTilde\0\u{2240}VeryThinSpace\0\u{200a}\
Vfr\0\u{1d519}Vopf\0\u{1d54d}Vscr\0\u{1d4b1}Vvdash\0\u{22aa}Wcirc\0\u{174}Wedge\0\u{22c0}\
Wfr\0\u{1d51a}Wopf\0\u{1d54e}Wscr\0\u{1d4b2}Xfr\0\u{1d51b}Xi\0\u{39e}Xopf\0\u{1d54f}\
Xscr\0\u{1d4b3}YAcy\0\u{42f}YIcy\0\u{407}YUcy\0\u{42e}Yacute\0\u{dd}Ycirc\0\u{176}\
Ycy\0\u{42b}Yfr\0\u{1d51c}Yopf\0\u{1d550}Yscr\0\u{1d4b4}Yuml\0\u{178}ZHcy\0\u{416}\
Zacute\0\u{179}Zcaron\0\u{17d}Zcy\0\u{417}Zdot\0\u{17b}ZeroWidthSpace\0\u{200b}\
Zeta\0\u{396}Zfr\0\u{2128}Zopf\0\u{2124}Zscr\0\u{1d4b5}aacute\0\u{e1}abreve\0\u{103}\
ac\0\u{223e}acE\0\u{223e}\u{333}acd\0\u{223f}acirc\0\u{e2}acute\0\u{b4}acy\0\u{430}\
aelig\0\u{e6}af\0\u{2061}afr\0\u{1d51e}agrave\0\u{e0}alefsym\0\u{2135}aleph\0\u{2135}\
alpha\0\u{3b1}amacr\0\u{101}amalg\0\u{2a3f}amp\0&and\0\u{2227}andand\0\u{2a55}\
andd\0\u{2a5c}andslope\0\u{2a58}andv\0\u{2a5a}ang\0\u{2220}ange\0\u{29a4}angle\0\u{2220}\
angmsd\0\u{2221}angmsdaa\0\u{29a8}angmsdab\0\u{29a9}angmsdac\0\u{29aa}angmsdad\0\u{29ab}\
angmsdae\0\u{29ac}angmsdaf\0\u{29ad}angmsdag\0\u{29ae}angmsdah\0\u{29af}angrt\0\u{221f}\
angrtvb\0\u{22be}angrtvbd\0\u{299d}angsph\0\u{2222}angst\0\u{c5}angzarr\0\u{237c}\
aogon\0\u{105}aopf\0\u{1d552}ap\0\u{2248}apE\0\u{2a70}apacir\0\u{2a6f}ape\0\u{224a}\
apid\0\u{224b}apos\0'approx\0\u{2248}approxeq\0\u{224a}aring\0\u{e5}ascr\0\u{1d4b6}ast\0*\
asymp\0\u{2248}asympeq\0\u{224d}atilde\0\u{e3}auml\0\u{e4}awconint\0\u{2233}\
awint\0\u{2a11}bNot\0\u{2aed}backcong\0\u{224c}backepsilon\0\u{3f6}backprime\0\u{2035}\
backsim\0\u{223d}backsimeq\0\u{22cd}barvee\0\u{22bd}barwed\0\u{2305}barwedge\0\u{2305}\
bbrk\0\u{23b5}bbrktbrk\0\u{23b6}bcong\0\u{224c}bcy\0\u{431}bdquo\0\u{201e}becaus\0\u{2235}\
because\0\u{2235}bemptyv\0\u{29b0}bepsi\0\u{3f6}bernou\0\u{212c}beta\0\u{3b2}\
beth\0\u{2136}between\0\u{226c}bfr\0\u{1d51f}bigcap\0\u{22c2}bigcirc\0\u{25ef}\
bigcup\0\u{22c3}bigodot\0\u{2a00}bigoplus\0\u{2a01}bigotimes\0\u{2a02}bigsqcup\0\u{2a06}\
bigstar\0\u{2605}bigtriangledown\0\u{25bd}bigtriangleup\0\u{25b3}biguplus\0\u{2a04}\
bigvee\0\u{22c1}bigwedge\0\u{22c0}bkarow\0\u{290d}blacklozenge\0\u{29eb}\
blacksquare\0\u{25aa}blacktriangle\0\u{25b4}blacktriangledown\0\u{25be}\
blacktriangleleft\0\u{25c2}blacktriangleright\0\u{25b8}blank\0\u{2423}blk12\0\u{2592}\
blk14\0\u{2591}blk34\0\u{2593}block\0\u{2588}bne\0=\u{20e5}bnequiv\0\u{2261}\u{20e5}\
bnot\0\u{2310}bopf\0\u{1d553}bot\0\u{22a5}bottom\0\u{22a5}bowtie\0\u{22c8}boxDL\0\u{2557}\
boxDR\0\u{2554}boxDl\0\u{2556}boxDr\0\u{2553}boxH\0\u{2550}boxHD\0\u{2566}boxHU\0\u{2569}\
boxHd\0\u{2564}boxHu\0\u{2567}boxUL\0\u{255d}boxUR\0\u{255a}boxUl\0\u{255c}boxUr\0\u{2559}\
boxV\0\u{2551}boxVH\0\u{256c}boxVL\0\u{2563}boxVR\0\u{2560}boxVh\0\u{256b}boxVl\0\u{2562}\
boxVr\0\u{255f}boxbox\0\u{29c9}boxdL\0\u{2555}boxdR\0\u{2552}boxdl\0\u{2510}\
boxdr\0\u{250c}boxh\0\u{2500}boxhD\0\u{2565}boxhU\0\u{2568}boxhd\0\u{252c}boxhu\0\u{2534}\
boxminus\0\u{229f}boxplus\0\u{229e}boxtimes\0\u{22a0}boxuL\0\u{255b}boxuR\0\u{2558}\
boxul\0\u{2518}boxur\0\u{2514}boxv\0\u{2502}boxvH\0\u{256a}boxvL\0\u{2561}boxvR\0\u{255e}\
boxvh\0\u{253c}boxvl\0\u{2524}boxvr\0\u{251c}bprime\0\u{2035}breve\0\u{2d8}brvbar\0\u{a6}\
bscr\0\u{1d4b7}bsemi\0\u{204f}bsim\0\u{223d}bsime\0\u{22cd}bsol\0\u{5c}bsolb\0\u{29c5}\
bsolhsub\0\u{27c8}bull\0\u{2022}bullet\0\u{2022}bump\0\u{224e}bumpE\0\u{2aae}\
bumpe\0\u{224f}bumpeq\0\u{224f}cacute\0\u{107}cap\0\u{2229}capand\0\u{2a44}\
capbrcup\0\u{2a49}capcap\0\u{2a4b}capcup\0\u{2a47}capdot\0\u{2a40}caps\0\u{2229}\u{fe00}\
caret\0\u{2041}caron\0\u{2c7}ccaps\0\u{2a4d}ccaron\0\u{10d}ccedil\0\u{e7}ccirc\0\u{109}\
ccups\0\u{2a4c}ccupssm\0\u{2a50}cdot\0\u{10b}cedil\0\u{b8}cemptyv\0\u{29b2}cent\0\u{a2}\
centerdot\0\u{b7}cfr\0\u{1d520}chcy\0\u{447}check\0\u{2713}checkmark\0\u{2713}chi\0\u{3c7}\
cir\0\u{25cb}cirE\0\u{29c3}circ\0\u{2c6}circeq\0\u{2257}circlearrowleft\0\u{21ba}\
circlearrowright\0\u{21bb}circledR\0\u{ae}circledS\0\u{24c8}circledast\0\u{229b}\
circledcirc\0\u{229a}circleddash\0\u{229d}cire\0\u{2257}cirfnint\0\u{2a10}cirmid\0\u{2aef}\
cirscir\0\u{29c2}clubs\0\u{2663}clubsuit\0\u{2663}colon\0:colone\0\u{2254}\
coloneq\0\u{2254}comma\0,commat\0@comp\0\u{2201}compfn\0\u{2218}complement\0\u{2201}\
complexes\0\u{2102}cong\0\u{2245}congdot\0\u{2a6d}conint\0\u{222e}copf\0\u{1d554}\
coprod\0\u{2210}copy\0\u{a9}copysr\0\u{2117}crarr\0\u{21b5}cross\0\u{2717}cscr\0\u{1d4b8}\
csub\0\u{2acf}csube\0\u{2ad1}csup\0\u{2ad0}csupe\0\u{2ad2}ctdot\0\u{22ef}cudarrl\0\u{2938}\
cudarrr\0\u{2935}cuepr\0\u{22de}cuesc\0\u{22df}cularr\0\u{21b6}cularrp\0\u{293d}\
cup\0\u{222a}cupbrcap\0\u{2a48}cupcap\0\u{2a46}cupcup\0\u{2a4a}cupdot\0\u{228d}\
cupor\0\u{2a45}cups\0\u{222a}\u{fe00}curarr\0\u{21b7}curarrm\0\u{293c}\
curlyeqprec\0\u{22de}curlyeqsucc\0\u{22df}curlyvee\0\u{22ce}curlywedge\0\u{22cf}\
curren\0\u{a4}curvearrowleft\0\u{21b6}curvearrowright\0\u{21b7}cuvee\0\u{22ce}\
cuwed\0\u{22cf}cwconint\0\u{2232}cwint\0\u{2231}cylcty\0\u{232d}dArr\0\u{21d3}\
dHar\0\u{2965}dagger\0\u{2020}daleth\0\u{2138}darr\0\u{2193}dash\0\u{2010}dashv\0\u{22a3}\
dbkarow\0\u{290f}dblac\0\u{2dd}dcaron\0\u{10f}dcy\0\u{434}dd\0\u{2146}ddagger\0\u{2021}\
ddarr\0\u{21ca}ddotseq\0\u{2a77}deg\0\u{b0}delta\0\u{3b4}demptyv\0\u{29b1}dfisht\0\u{297f}\
dfr\0\u{1d521}dharl\0\u{21c3}dharr\0\u{21c2}diam\0\u{22c4}diamond\0\u{22c4}\
diamondsuit\0\u{2666}diams\0\u{2666}die\0\u{a8}digamma\0\u{3dd}disin\0\u{22f2}div\0\u{f7}\
divide\0\u{f7}divideontimes\0\u{22c7}divonx\0\u{22c7}djcy\0\u{452}dlcorn\0\u{231e}\
dlcrop\0\u{230d}dollar\0$dopf\0\u{1d555}dot\0\u{2d9}doteq\0\u{2250}doteqdot\0\u{2251}\
dotminus\0\u{2238}dotplus\0\u{2214}dotsquare\0\u{22a1}doublebarwedge\0\u{2306}\
downarrow\0\u{2193}downdownarrows\0\u{21ca}downharpoonleft\0\u{21c3}\
downharpoonright\0\u{21c2}drbkarow\0\u{2910}drcorn\0\u{231f}drcrop\0\u{230c}\
dscr\0\u{1d4b9}dscy\0\u{455}dsol\0\u{29f6}dstrok\0\u{111}dtdot\0\u{22f1}dtri\0\u{25bf}\
dtrif\0\u{25be}duarr\0\u{21f5}duhar\0\u{296f}dwangle\0\u{29a6}dzcy\0\u{45f}\
dzigrarr\0\u{27ff}eDDot\0\u{2a77}eDot\0\u{2251}eacute\0\u{e9}easter\0\u{2a6e}\
ecaron\0\u{11b}ecir\0\u{2256}ecirc\0\u{ea}ecolon\0\u{2255}ecy\0\u{44d}edot\0\u{117}\
ee\0\u{2147}efDot\0\u{2252}efr\0\u{1d522}eg\0\u{2a9a}egrave\0\u{e8}egs\0\u{2a96}\
egsdot\0\u{2a98}el\0\u{2a99}elinters\0\u{23e7}ell\0\u{2113}els\0\u{2a95}elsdot\0\u{2a97}\
emacr\0\u{113}empty\0\u{2205}emptyset\0\u{2205}emptyv\0\u{2205}emsp\0\u{2003}\
emsp13\0\u{2004}emsp14\0\u{2005}eng\0\u{14b}ensp\0\u{2002}eogon\0\u{119}eopf\0\u{1d556}\
epar\0\u{22d5}eparsl\0\u{29e3}eplus\0\u{2a71}epsi\0\u{3b5}epsilon\0\u{3b5}epsiv\0\u{3f5}\
eqcirc\0\u{2256}eqcolon\0\u{2255}eqsim\0\u{2242}eqslantgtr\0\u{2a96}eqslantless\0\u{2a95}\
equals\0=equest\0\u{225f}equiv\0\u{2261}equivDD\0\u{2a78}eqvparsl\0\u{29e5}erDot\0\u{2253}\
erarr\0\u{2971}escr\0\u{212f}esdot\0\u{2250}esim\0\u{2242}eta\0\u{3b7}eth\0\u{f0}\
euml\0\u{eb}euro\0\u{20ac}excl\0!exist\0\u{2203}expectation\0\u{2130}\
exponentiale\0\u{2147}fallingdotseq\0\u{2252}fcy\0\u{444}female\0\u{2640}ffilig\0\u{fb03}\
fflig\0\u{fb00}ffllig\0\u{fb04}ffr\0\u{1d523}filig\0\u{fb01}fjlig\0fjflat\0\u{266d}\
fllig\0\u{fb02}fltns\0\u{25b1}fnof\0\u{192}fopf\0\u{1d557}forall\0\u{2200}fork\0\u{22d4}\
forkv\0\u{2ad9}fpartint\0\u{2a0d}frac12\0\u{bd}frac13\0\u{2153}frac14\0\u{bc}\
frac15\0\u{2155}frac16\0\u{2159}frac18\0\u{215b}frac23\0\u{2154}frac25\0\u{2156}\
frac34\0\u{be}frac35\0\u{2157}frac38\0\u{215c}frac45\0\u{2158}frac56\0\u{215a}\
frac58\0\u{215d}frac78\0\u{215e}frasl\0\u{2044}frown\0\u{2322}fscr\0\u{1d4bb}gE\0\u{2267}\
gEl\0\u{2a8c}gacute\0\u{1f5}gamma\0\u{3b3}gammad\0\u{3dd}gap\0\u{2a86}gbreve\0\u{11f}\
gcirc\0\u{11d}gcy\0\u{433}gdot\0\u{121}ge\0\u{2265}gel\0\u{22db}geq\0\u{2265}\
geqq\0\u{2267}geqslant\0\u{2a7e}ges\0\u{2a7e}gescc\0\u{2aa9}gesdot\0\u{2a80}\
gesdoto\0\u{2a82}gesdotol\0\u{2a84}gesl\0\u{22db}\u{fe00}gesles\0\u{2a94}gfr\0\u{1d524}\
gg\0\u{226b}ggg\0\u{22d9}gimel\0\u{2137}gjcy\0\u{453}gl\0\u{2277}glE\0\u{2a92}\
gla\0\u{2aa5}glj\0\u{2aa4}gnE\0\u{2269}gnap\0\u{2a8a}gnapprox\0\u{2a8a}gne\0\u{2a88}\
gneq\0\u{2a88}gneqq\0\u{2269}gnsim\0\u{22e7}gopf\0\u{1d558}grave\0`gscr\0\u{210a}\
gsim\0\u{2273}gsime\0\u{2a8e}gsiml\0\u{2a90}gt\0>gtcc\0\u{2aa7}gtcir\0\u{2a7a}\
gtdot\0\u{22d7}gtlPar\0\u{2995}gtquest\0\u{2a7c}gtrapprox\0\u{2a86}gtrarr\0\u{2978}\
gtrdot\0\u{22d7}gtreqless\0\u{22db}gtreqqless\0\u{2a8c}gtrless\0\u{2277}gtrsim\0\u{2273}\
gvertneqq\0\u{2269}\u{fe00}gvnE\0\u{2269}\u{fe00}hArr\0\u{21d4}hairsp\0\u{200a}\
half\0\u{bd}hamilt\0\u{210b}hardcy\0\u{44a}harr\0\u{2194}harrcir\0\u{2948}harrw\0\u{21ad}\
hbar\0\u{210f}hcirc\0\u{125}hearts\0\u{2665}heartsuit\0\u{2665}hellip\0\u{2026}\
hercon\0\u{22b9}hfr\0\u{1d525}hksearow\0\u{2925}hkswarow\0\u{2926}hoarr\0\u{21ff}\
homtht\0\u{223b}hookleftarrow\0\u{21a9}hookrightarrow\0\u{21aa}hopf\0\u{1d559}\
horbar\0\u{2015}hscr\0\u{1d4bd}hslash\0\u{210f}hstrok\0\u{127}hybull\0\u{2043}\
hyphen\0\u{2010}iacute\0\u{ed}ic\0\u{2063}icirc\0\u{ee}icy\0\u{438}iecy\0\u{435}\
iexcl\0\u{a1}iff\0\u{21d4}ifr\0\u{1d526}igrave\0\u{ec}ii\0\u{2148}iiiint\0\u{2a0c}\
iiint\0\u{222d}iinfin\0\u{29dc}iiota\0\u{2129}ijlig\0\u{133}imacr\0\u{12b}image\0\u{2111}\
imagline\0\u{2110}imagpart\0\u{2111}imath\0\u{131}imof\0\u{22b7}imped\0\u{1b5}in\0\u{2208}\
incare\0\u{2105}infin\0\u{221e}infintie\0\u{29dd}inodot\0\u{131}int\0\u{222b}\
intcal\0\u{22ba}integers\0\u{2124}intercal\0\u{22ba}intlarhk\0\u{2a17}intprod\0\u{2a3c}\
iocy\0\u{451}iogon\0\u{12f}iopf\0\u{1d55a}iota\0\u{3b9}iprod\0\u{2a3c}iquest\0\u{bf}\
iscr\0\u{1d4be}isin\0\u{2208}isinE\0\u{22f9}isindot\0\u{22f5}isins\0\u{22f4}\
isinsv\0\u{22f3}isinv\0\u{2208}it\0\u{2062}itilde\0\u{129}iukcy\0\u{456}iuml\0\u{ef}\
jcirc\0\u{135}jcy\0\u{439}jfr\0\u{1d527}jmath\0\u{237}jopf\0\u{1d55b}jscr\0\u{1d4bf}\
jsercy\0\u{458}jukcy\0\u{454}kappa\0\u{3ba}kappav\0\u{3f0}kcedil\0\u{137}kcy\0\u{43a}\
kfr\0\u{1d528}kgreen\0\u{138}khcy\0\u{445}kjcy\0\u{45c}kopf\0\u{1d55c}kscr\0\u{1d4c0}\
lAarr\0\u{21da}lArr\0\u{21d0}lAtail\0\u{291b}lBarr\0\u{290e}lE\0\u{2266}lEg\0\u{2a8b}\
lHar\0\u{2962}lacute\0\u{13a}laemptyv\0\u{29b4}lagran\0\u{2112}lambda\0\u{3bb}\
lang\0\u{27e8}langd\0\u{2991}langle\0\u{27e8}lap\0\u{2a85}laquo\0\u{ab}larr\0\u{2190}\
larrb\0\u{21e4}larrbfs\0\u{291f}larrfs\0\u{291d}larrhk\0\u{21a9}larrlp\0\u{21ab}\
larrpl\0\u{2939}larrsim\0\u{2973}larrtl\0\u{21a2}lat\0\u{2aab}latail\0\u{2919}\
late\0\u{2aad}lates\0\u{2aad}\u{fe00}lbarr\0\u{290c}lbbrk\0\u{2772}lbrace\0{lbrack\0[\
lbrke\0\u{298b}lbrksld\0\u{298f}lbrkslu\0\u{298d}lcaron\0\u{13e}lcedil\0\u{13c}\
lceil\0\u{2308}lcub\0{lcy\0\u{43b}ldca\0\u{2936}ldquo\0\u{201c}ldquor\0\u{201e}\
ldrdhar\0\u{2967}ldrushar\0\u{294b}ldsh\0\u{21b2}le\0\u{2264}leftarrow\0\u{2190}\
leftarrowtail\0\u{21a2}leftharpoondown\0\u{21bd}leftharpoonup\0\u{21bc}\
leftleftarrows\0\u{21c7}leftrightarrow\0\u{2194}leftrightarrows\0\u{21c6}\
leftrightharpoons\0\u{21cb}leftrightsquigarrow\0\u{21ad}leftthreetimes\0\u{22cb}\
leg\0\u{22da}leq\0\u{2264}leqq\0\u{2266}leqslant\0\u{2a7d}les\0\u{2a7d}lescc\0\u{2aa8}\
lesdot\0\u{2a7f}lesdoto\0\u{2a81}lesdotor\0\u{2a83}lesg\0\u{22da}\u{fe00}lesges\0\u{2a93}\
lessapprox\0\u{2a85}lessdot\0\u{22d6}lesseqgtr\0\u{22da}lesseqqgtr\0\u{2a8b}\
lessgtr\0\u{2276}lesssim\0\u{2272}lfisht\0\u{297c}lfloor\0\u{230a}lfr\0\u{1d529}\
lg\0\u{2276}lgE\0\u{2a91}lhard\0\u{21bd}lharu\0\u{21bc}lharul\0\u{296a}lhblk\0\u{2584}\
ljcy\0\u{459}ll\0\u{226a}llarr\0\u{21c7}llcorner\0\u{231e}llhard\0\u{296b}lltri\0\u{25fa}\
lmidot\0\u{140}lmoust\0\u{23b0}lmoustache\0\u{23b0}lnE\0\u{2268}lnap\0\u{2a89}\
lnapprox\0\u{2a89}lne\0\u{2a87}lneq\0\u{2a87}lneqq\0\u{2268}lnsim\0\u{22e6}loang\0\u{27ec}\
loarr\0\u{21fd}lobrk\0\u{27e6}longleftarrow\0\u{27f5}longleftrightarrow\0\u{27f7}\
longmapsto\0\u{27fc}longrightarrow\0\u{27f6}looparrowleft\0\u{21ab}\
looparrowright\0\u{21ac}lopar\0\u{2985}lopf\0\u{1d55d}loplus\0\u{2a2d}lotimes\0\u{2a34}\
lowast\0\u{2217}lowbar\0_loz\0\u{25ca}lozenge\0\u{25ca}lozf\0\u{29eb}lpar\0(\
lparlt\0\u{2993}lrarr\0\u{21c6}lrcorner\0\u{231f}lrhar\0\u{21cb}lrhard\0\u{296d}\
lrm\0\u{200e}lrtri\0\u{22bf}lsaquo\0\u{2039}lscr\0\u{1d4c1}lsh\0\u{21b0}lsim\0\u{2272}\
lsime\0\u{2a8d}lsimg\0\u{2a8f}lsqb\0[lsquo\0\u{2018}lsquor\0\u{201a}lstrok\0\u{142}lt\0<\
ltcc\0\u{2aa6}ltcir\0\u{2a79}ltdot\0\u{22d6}lthree\0\u{22cb}ltimes\0\u{22c9}\
ltlarr\0\u{2976}ltquest\0\u{2a7b}ltrPar\0\u{2996}ltri\0\u{25c3}ltrie\0\u{22b4}\
ltrif\0\u{25c2}lurdshar\0\u{294a}luruhar\0\u{2966}lvertneqq\0\u{2268}\u{fe00}\
lvnE\0\u{2268}\u{fe00}mDDot\0\u{223a}macr\0\u{af}male\0\u{2642}malt\0\u{2720}\
maltese\0\u{2720}map\0\u{21a6}mapsto\0\u{21a6}mapstodown\0\u{21a7}mapstoleft\0\u{21a4}\
mapstoup\0\u{21a5}marker\0\u{25ae}mcomma\0\u{2a29}mcy\0\u{43c}mdash\0\u{2014}\
measuredangle\0\u{2221}mfr\0\u{1d52a}mho\0\u{2127}micro\0\u{b5}mid\0\u{2223}midast\0*\
midcir\0\u{2af0}middot\0\u{b7}minus\0\u{2212}minusb\0\u{229f}minusd\0\u{2238}\
minusdu\0\u{2a2a}mlcp\0\u{2adb}mldr\0\u{2026}mnplus\0\u{2213}models\0\u{22a7}\
mopf\0\u{1d55e}mp\0\u{2213}mscr\0\u{1d4c2}mstpos\0\u{223e}mu\0\u{3bc}multimap\0\u{22b8}\
mumap\0\u{22b8}nGg\0\u{22d9}\u{338}nGt\0\u{226b}\u{20d2}nGtv\0\u{226b}\u{338}\
nLeftarrow\0\u{21cd}nLeftrightarrow\0\u{21ce}nLl\0\u{22d8}\u{338}nLt\0\u{226a}\u{20d2}\
nLtv\0\u{226a}\u{338}nRightarrow\0\u{21cf}nVDash\0\u{22af}nVdash\0\u{22ae}nabla\0\u{2207}\
nacute\0\u{144}nang\0\u{2220}\u{20d2}nap\0\u{2249}napE\0\u{2a70}\u{338}\
napid\0\u{224b}\u{338}napos\0\u{149}napprox\0\u{2249}natur\0\u{266e}natural\0\u{266e}\
naturals\0\u{2115}nbsp\0\u{a0}nbump\0\u{224e}\u{338}nbumpe\0\u{224f}\u{338}ncap\0\u{2a43}\
ncaron\0\u{148}ncedil\0\u{146}ncong\0\u{2247}ncongdot\0\u{2a6d}\u{338}ncup\0\u{2a42}\
ncy\0\u{43d}ndash\0\u{2013}ne\0\u{2260}neArr\0\u{21d7}nearhk\0\u{2924}nearr\0\u{2197}\
nearrow\0\u{2197}nedot\0\u{2250}\u{338}nequiv\0\u{2262}nesear\0\u{2928}\
nesim\0\u{2242}\u{338}nexist\0\u{2204}nexists\0\u{2204}nfr\0\u{1d52b}ngE\0\u{2267}\u{338}\
nge\0\u{2271}ngeq\0\u{2271}ngeqq\0\u{2267}\u{338}ngeqslant\0\u{2a7e}\u{338}\
nges\0\u{2a7e}\u{338}ngsim\0\u{2275}ngt\0\u{226f}ngtr\0\u{226f}nhArr\0\u{21ce}\
nharr\0\u{21ae}nhpar\0\u{2af2}ni\0\u{220b}nis\0\u{22fc}nisd\0\u{22fa}niv\0\u{220b}\
njcy\0\u{45a}nlArr\0\u{21cd}nlE\0\u{2266}\u{338}nlarr\0\u{219a}nldr\0\u{2025}nle\0\u{2270}\
nleftarrow\0\u{219a}nleftrightarrow\0\u{21ae}nleq\0\u{2270}nleqq\0\u{2266}\u{338}\
nleqslant\0\u{2a7d}\u{338}nles\0\u{2a7d}\u{338}nless\0\u{226e}nlsim\0\u{2274}nlt\0\u{226e}\
nltri\0\u{22ea}nltrie\0\u{22ec}nmid\0\u{2224}nopf\0\u{1d55f}not\0\u{ac}notin\0\u{2209}\
notinE\0\u{22f9}\u{338}notindot\0\u{22f5}\u{338}notinva\0\u{2209}notinvb\0\u{22f7}\
notinvc\0\u{22f6}notni\0\u{220c}notniva\0\u{220c}notnivb\0\u{22fe}notnivc\0\u{22fd}\
npar\0\u{2226}nparallel\0\u{2226}nparsl\0\u{2afd}\u{20e5}npart\0\u{2202}\u{338}\
npolint\0\u{2a14}npr\0\u{2280}nprcue\0\u{22e0}npre\0\u{2aaf}\u{338}nprec\0\u{2280}\
npreceq\0\u{2aaf}\u{338}nrArr\0\u{21cf}nrarr\0\u{219b}nrarrc\0\u{2933}\u{338}\
nrarrw\0\u{219d}\u{338}nrightarrow\0\u{219b}nrtri\0\u{22eb}nrtrie\0\u{22ed}nsc\0\u{2281}\
nsccue\0\u{22e1}nsce\0\u{2ab0}\u{338}nscr\0\u{1d4c3}nshortmid\0\u{2224}\
nshortparallel\0\u{2226}nsim\0\u{2241}nsime\0\u{2244}nsimeq\0\u{2244}nsmid\0\u{2224}\
nspar\0\u{2226}nsqsube\0\u{22e2}nsqsupe\0\u{22e3}nsub\0\u{2284}nsubE\0\u{2ac5}\u{338}\
nsube\0\u{2288}nsubset\0\u{2282}\u{20d2}nsubseteq\0\u{2288}nsubseteqq\0\u{2ac5}\u{338}\
nsucc\0\u{2281}nsucceq\0\u{2ab0}\u{338}nsup\0\u{2285}nsupE\0\u{2ac6}\u{338}nsupe\0\u{2289}\
nsupset\0\u{2283}\u{20d2}nsupseteq\0\u{2289}nsupseteqq\0\u{2ac6}\u{338}ntgl\0\u{2279}\
ntilde\0\u{f1}ntlg\0\u{2278}ntriangleleft\0\u{22ea}ntrianglelefteq\0\u{22ec}\
ntriangleright\0\u{22eb}ntrianglerighteq\0\u{22ed}nu\0\u{3bd}num\0#numero\0\u{2116}\
numsp\0\u{2007}nvDash\0\u{22ad}nvHarr\0\u{2904}nvap\0\u{224d}\u{20d2}nvdash\0\u{22ac}\
nvge\0\u{2265}\u{20d2}nvgt\0>\u{20d2}nvinfin\0\u{29de}nvlArr\0\u{2902}\
nvle\0\u{2264}\u{20d2}nvlt\0<\u{20d2}nvltrie\0\u{22b4}\u{20d2}nvrArr\0\u{2903}\
nvrtrie\0\u{22b5}\u{20d2}nvsim\0\u{223c}\u{20d2}nwArr\0\u{21d6}nwarhk\0\u{2923}\
nwarr\0\u{2196}nwarrow\0\u{2196}nwnear\0\u{2927}oS\0\u{24c8}oacute\0\u{f3}oast\0\u{229b}\
ocir\0\u{229a}ocirc\0\u{f4}ocy\0\u{43e}odash\0\u{229d}odblac\0\u{151}odiv\0\u{2a38}\
odot\0\u{2299}odsold\0\u{29bc}oelig\0\u{153}ofcir\0\u{29bf}ofr\0\u{1d52c}ogon\0\u{2db}\
ograve\0\u{f2}ogt\0\u{29c1}ohbar\0\u{29b5}ohm\0\u{3a9}oint\0\u{222e}olarr\0\u{21ba}\
olcir\0\u{29be}olcross\0\u{29bb}oline\0\u{203e}olt\0\u{29c0}omacr\0\u{14d}omega\0\u{3c9}\
omicron\0\u{3bf}omid\0\u{29b6}ominus\0\u{2296}oopf\0\u{1d560}opar\0\u{29b7}operp\0\u{29b9}\
oplus\0\u{2295}or\0\u{2228}orarr\0\u{21bb}ord\0\u{2a5d}order\0\u{2134}orderof\0\u{2134}\
ordf\0\u{aa}ordm\0\u{ba}origof\0\u{22b6}oror\0\u{2a56}orslope\0\u{2a57}orv\0\u{2a5b}\
oscr\0\u{2134}oslash\0\u{f8}osol\0\u{2298}otilde\0\u{f5}otimes\0\u{2297}otimesas\0\u{2a36}\
ouml\0\u{f6}ovbar\0\u{233d}par\0\u{2225}para\0\u{b6}parallel\0\u{2225}parsim\0\u{2af3}\
parsl\0\u{2afd}part\0\u{2202}pcy\0\u{43f}percnt\0%period\0.permil\0\u{2030}perp\0\u{22a5}\
pertenk\0\u{2031}pfr\0\u{1d52d}phi\0\u{3c6}phiv\0\u{3d5}phmmat\0\u{2133}phone\0\u{260e}\
pi\0\u{3c0}pitchfork\0\u{22d4}piv\0\u{3d6}planck\0\u{210f}planckh\0\u{210e}\
plankv\0\u{210f}plus\0+plusacir\0\u{2a23}plusb\0\u{229e}pluscir\0\u{2a22}plusdo\0\u{2214}\
plusdu\0\u{2a25}pluse\0\u{2a72}plusmn\0\u{b1}plussim\0\u{2a26}plustwo\0\u{2a27}pm\0\u{b1}\
pointint\0\u{2a15}popf\0\u{1d561}pound\0\u{a3}pr\0\u{227a}prE\0\u{2ab3}prap\0\u{2ab7}\
prcue\0\u{227c}pre\0\u{2aaf}prec\0\u{227a}precapprox\0\u{2ab7}preccurlyeq\0\u{227c}\
preceq\0\u{2aaf}precnapprox\0\u{2ab9}precneqq\0\u{2ab5}precnsim\0\u{22e8}precsim\0\u{227e}\
prime\0\u{2032}primes\0\u{2119}prnE\0\u{2ab5}prnap\0\u{2ab9}prnsim\0\u{22e8}prod\0\u{220f}\
profalar\0\u{232e}profline\0\u{2312}profsurf\0\u{2313}prop\0\u{221d}propto\0\u{221d}\
prsim\0\u{227e}prurel\0\u{22b0}pscr\0\u{1d4c5}psi\0\u{3c8}puncsp\0\u{2008}qfr\0\u{1d52e}\
qint\0\u{2a0c}qopf\0\u{1d562}qprime\0\u{2057}qscr\0\u{1d4c6}quaternions\0\u{210d}\
quatint\0\u{2a16}quest\0?questeq\0\u{225f}quot\0\u{22}rAarr\0\u{21db}rArr\0\u{21d2}\
rAtail\0\u{291c}rBarr\0\u{290f}rHar\0\u{2964}race\0\u{223d}\u{331}racute\0\u{155}\
radic\0\u{221a}raemptyv\0\u{29b3}rang\0\u{27e9}rangd\0\u{2992}range\0\u{29a5}\
rangle\0\u{27e9}raquo\0\u{bb}rarr\0\u{2192}rarrap\0\u{2975}rarrb\0\u{21e5}\
rarrbfs\0\u{2920}rarrc\0\u{2933}rarrfs\0\u{291e}rarrhk\0\u{21aa}rarrlp\0\u{21ac}\
rarrpl\0\u{2945}rarrsim\0\u{2974}rarrtl\0\u{21a3}rarrw\0\u{219d}ratail\0\u{291a}\
ratio\0\u{2236}rationals\0\u{211a}rbarr\0\u{290d}rbbrk\0\u{2773}rbrace\0}rbrack\0]\
rbrke\0\u{298c}rbrksld\0\u{298e}rbrkslu\0\u{2990}rcaron\0\u{159}rcedil\0\u{157}\
rceil\0\u{2309}rcub\0}rcy\0\u{440}rdca\0\u{2937}rdldhar\0\u{2969}rdquo\0\u{201d}\
rdquor\0\u{201d}rdsh\0\u{21b3}real\0\u{211c}realine\0\u{211b}realpart\0\u{211c}\
reals\0\u{211d}rect\0\u{25ad}reg\0\u{ae}rfisht\0\u{297d}rfloor\0\u{230b}rfr\0\u{1d52f}\
rhard\0\u{21c1}rharu\0\u{21c0}rharul\0\u{296c}rho\0\u{3c1}rhov\0\u{3f1}\
rightarrow\0\u{2192}rightarrowtail\0\u{21a3}rightharpoondown\0\u{21c1}\
rightharpoonup\0\u{21c0}rightleftarrows\0\u{21c4}rightleftharpoons\0\u{21cc}\
rightrightarrows\0\u{21c9}rightsquigarrow\0\u{219d}rightthreetimes\0\u{22cc}ring\0\u{2da}\
risingdotseq\0\u{2253}rlarr\0\u{21c4}rlhar\0\u{21cc}rlm\0\u{200f}rmoust\0\u{23b1}\
rmoustache\0\u{23b1}rnmid\0\u{2aee}roang\0\u{27ed}roarr\0\u{21fe}robrk\0\u{27e7}\
ropar\0\u{2986}ropf\0\u{1d563}roplus\0\u{2a2e}rotimes\0\u{2a35}rpar\0)rpargt\0\u{2994}\
rppolint\0\u{2a12}rrarr\0\u{21c9}rsaquo\0\u{203a}rscr\0\u{1d4c7}rsh\0\u{21b1}rsqb\0]\
rsquo\0\u{2019}rsquor\0\u{2019}rthree\0\u{22cc}rtimes\0\u{22ca}rtri\0\u{25b9}\
rtrie\0\u{22b5}rtrif\0\u{25b8}rtriltri\0\u{29ce}ruluhar\0\u{2968}rx\0\u{211e}\
sacute\0\u{15b}sbquo\0\u{201a}sc\0\u{227b}scE\0\u{2ab4}scap\0\u{2ab8}scaron\0\u{161}\
sccue\0\u{227d}sce\0\u{2ab0}scedil\0\u{15f}scirc\0\u{15d}scnE\0\u{2ab6}scnap\0\u{2aba}\
scnsim\0\u{22e9}scpolint\0\u{2a13}scsim\0\u{227f}scy\0\u{441}sdot\0\u{22c5}sdotb\0\u{22a1}\
sdote\0\u{2a66}seArr\0\u{21d8}searhk\0\u{2925}searr\0\u{2198}searrow\0\u{2198}sect\0\u{a7}\
semi\0;seswar\0\u{2929}setminus\0\u{2216}setmn\0\u{2216}sext\0\u{2736}sfr\0\u{1d530}\
sfrown\0\u{2322}sharp\0\u{266f}shchcy\0\u{449}shcy\0\u{448}shortmid\0\u{2223}\
shortparallel\0\u{2225}shy\0\u{ad}sigma\0\u{3c3}sigmaf\0\u{3c2}sigmav\0\u{3c2}\
sim\0\u{223c}simdot\0\u{2a6a}sime\0\u{2243}simeq\0\u{2243}simg\0\u{2a9e}simgE\0\u{2aa0}\
siml\0\u{2a9d}simlE\0\u{2a9f}simne\0\u{2246}simplus\0\u{2a24}simrarr\0\u{2972}\
slarr\0\u{2190}smallsetminus\0\u{2216}smashp\0\u{2a33}smeparsl\0\u{29e4}smid\0\u{2223}\
smile\0\u{2323}smt\0\u{2aaa}smte\0\u{2aac}smtes\0\u{2aac}\u{fe00}softcy\0\u{44c}sol\0/\
solb\0\u{29c4}solbar\0\u{233f}sopf\0\u{1d564}spades\0\u{2660}spadesuit\0\u{2660}\
spar\0\u{2225}sqcap\0\u{2293}sqcaps\0\u{2293}\u{fe00}sqcup\0\u{2294}\
sqcups\0\u{2294}\u{fe00}sqsub\0\u{228f}sqsube\0\u{2291}sqsubset\0\u{228f}\
sqsubseteq\0\u{2291}sqsup\0\u{2290}sqsupe\0\u{2292}sqsupset\0\u{2290}sqsupseteq\0\u{2292}\
squ\0\u{25a1}square\0\u{25a1}squarf\0\u{25aa}squf\0\u{25aa}srarr\0\u{2192}sscr\0\u{1d4c8}\
ssetmn\0\u{2216}ssmile\0\u{2323}sstarf\0\u{22c6}star\0\u{2606}starf\0\u{2605}\
straightepsilon\0\u{3f5}straightphi\0\u{3d5}strns\0\u{af}sub\0\u{2282}subE\0\u{2ac5}\
subdot\0\u{2abd}sube\0\u{2286}subedot\0\u{2ac3}submult\0\u{2ac1}subnE\0\u{2acb}\
subne\0\u{228a}subplus\0\u{2abf}subrarr\0\u{2979}subset\0\u{2282}subseteq\0\u{2286}\
subseteqq\0\u{2ac5}subsetneq\0\u{228a}subsetneqq\0\u{2acb}subsim\0\u{2ac7}subsub\0\u{2ad5}\
subsup\0\u{2ad3}succ\0\u{227b}succapprox\0\u{2ab8}succcurlyeq\0\u{227d}succeq\0\u{2ab0}\
succnapprox\0\u{2aba}succneqq\0\u{2ab6}succnsim\0\u{22e9}succsim\0\u{227f}sum\0\u{2211}\
sung\0\u{266a}sup\0\u{2283}sup1\0\u{b9}sup2\0\u{b2}sup3\0\u{b3}supE\0\u{2ac6}\
supdot\0\u{2abe}supdsub\0\u{2ad8}supe\0\u{2287}supedot\0\u{2ac4}suphsol\0\u{27c9}\
suphsub\0\u{2ad7}suplarr\0\u{297b}supmult\0\u{2ac2}supnE\0\u{2acc}supne\0\u{228b}\
supplus\0\u{2ac0}supset\0\u{2283}supseteq\0\u{2287}supseteqq\0\u{2ac6}supsetneq\0\u{228b}\
supsetneqq\0\u{2acc}supsim\0\u{2ac8}supsub\0\u{2ad4}supsup\0\u{2ad6}swArr\0\u{21d9}\
swarhk\0\u{2926}swarr\0\u{2199}swarrow\0\u{2199}swnwar\0\u{292a}szlig\0\u{df}\
target\0\u{2316}tau\0\u{3c4}tbrk\0\u{23b4}tcaron\0\u{165}tcedil\0\u{163}tcy\0\u{442}\
tdot\0\u{20db}telrec\0\u{2315}tfr\0\u{1d531}there4\0\u{2234}therefore\0\u{2234}\
theta\0\u{3b8}thetasym\0\u{3d1}thetav\0\u{3d1}thickapprox\0\u{2248}thicksim\0\u{223c}\
thinsp\0\u{2009}thkap\0\u{2248}thksim\0\u{223c}thorn\0\u{fe}tilde\0\u{2dc}times\0\u{d7}\
timesb\0\u{22a0}timesbar\0\u{2a31}timesd\0\u{2a30}tint\0\u{222d}toea\0\u{2928}\
top\0\u{22a4}topbot\0\u{2336}topcir\0\u{2af1}topf\0\u{1d565}topfork\0\u{2ada}\
tosa\0\u{2929}tprime\0\u{2034}trade\0\u{2122}triangle\0\u{25b5}triangledown\0\u{25bf}\
triangleleft\0\u{25c3}trianglelefteq\0\u{22b4}triangleq\0\u{225c}triangleright\0\u{25b9}\
trianglerighteq\0\u{22b5}tridot\0\u{25ec}trie\0\u{225c}triminus\0\u{2a3a}triplus\0\u{2a39}\
trisb\0\u{29cd}tritime\0\u{2a3b}trpezium\0\u{23e2}tscr\0\u{1d4c9}tscy\0\u{446}\
tshcy\0\u{45b}tstrok\0\u{167}twixt\0\u{226c}twoheadleftarrow\0\u{219e}\
twoheadrightarrow\0\u{21a0}uArr\0\u{21d1}uHar\0\u{2963}uacute\0\u{fa}uarr\0\u{2191}\
ubrcy\0\u{45e}ubreve\0\u{16d}ucirc\0\u{fb}ucy\0\u{443}udarr\0\u{21c5}udblac\0\u{171}\
udhar\0\u{296e}ufisht\0\u{297e}ufr\0\u{1d532}ugrave\0\u{f9}uharl\0\u{21bf}uharr\0\u{21be}\
uhblk\0\u{2580}ulcorn\0\u{231c}ulcorner\0\u{231c}ulcrop\0\u{230f}ultri\0\u{25f8}\
umacr\0\u{16b}uml\0\u{a8}uogon\0\u{173}uopf\0\u{1d566}uparrow\0\u{2191}\
updownarrow\0\u{2195}upharpoonleft\0\u{21bf}upharpoonright\0\u{21be}uplus\0\u{228e}\
upsi\0\u{3c5}upsih\0\u{3d2}upsilon\0\u{3c5}upuparrows\0\u{21c8}urcorn\0\u{231d}\
urcorner\0\u{231d}urcrop\0\u{230e}uring\0\u{16f}urtri\0\u{25f9}uscr\0\u{1d4ca}\
utdot\0\u{22f0}utilde\0\u{169}utri\0\u{25b5}utrif\0\u{25b4}uuarr\0\u{21c8}uuml\0\u{fc}\
uwangle\0\u{29a7}vArr\0\u{21d5}vBar\0\u{2ae8}vBarv\0\u{2ae9}vDash\0\u{22a8}\
vangrt\0\u{299c}varepsilon\0\u{3f5}varkappa\0\u{3f0}varnothing\0\u{2205}varphi\0\u{3d5}\
varpi\0\u{3d6}varpropto\0\u{221d}varr\0\u{2195}varrho\0\u{3f1}varsigma\0\u{3c2}\
varsubsetneq\0\u{228a}\u{fe00}varsubsetneqq\0\u{2acb}\u{fe00}\
varsupsetneq\0\u{228b}\u{fe00}varsupsetneqq\0\u{2acc}\u{fe00}vartheta\0\u{3d1}\
vartriangleleft\0\u{22b2}vartriangleright\0\u{22b3}vcy\0\u{432}vdash\0\u{22a2}\
vee\0\u{2228}veebar\0\u{22bb}veeeq\0\u{225a}vellip\0\u{22ee}verbar\0|vert\0|vfr\0\u{1d533}\
vltri\0\u{22b2}vnsub\0\u{2282}\u{20d2}vnsup\0\u{2283}\u{20d2}vopf\0\u{1d567}\
vprop\0\u{221d}vrtri\0\u{22b3}vscr\0\u{1d4cb}vsubnE\0\u{2acb}\u{fe00}\
vsubne\0\u{228a}\u{fe00}vsupnE\0\u{2acc}\u{fe00}vsupne\0\u{228b}\u{fe00}vzigzag\0\u{299a}\
wcirc\0\u{175}wedbar\0\u{2a5f}wedge\0\u{2227}wedgeq\0\u{2259}weierp\0\u{2118}\
wfr\0\u{1d534}wopf\0\u{1d568}wp\0\u{2118}wr\0\u{2240}wreath\0\u{2240}wscr\0\u{1d4cc}\
xcap\0\u{22c2}xcirc\0\u{25ef}xcup\0\u{22c3}xdtri\0\u{25bd}xfr\0\u{1d535}xhArr\0\u{27fa}\
xharr\0\u{27f7}xi\0\u{3be}xlArr\0\u{27f8}xlarr\0\u{27f5}xmap\0\u{27fc}xnis\0\u{22fb}\
xodot\0\u{2a00}xopf\0\u{1d569}xoplus\0\u{2a01}xotime\0\u{2a02}xrArr\0\u{27f9}\
xrarr\0\u{27f6}xscr\0\u{1d4cd}xsqcup\0\u{2a06}xuplus\0\u{2a04}xutri\0\u{25b3}\
xvee\0\u{22c1}xwedge\0\u{22c0}yacute\0\u{fd}yacy\0\u{44f}ycirc\0\u{177}ycy\0\u{44b}\
yen\0\u{a5}yfr\0\u{1d536}yicy\0\u{457}yopf\0\u{1d56a}yscr\0\u{1d4ce}yucy\0\u{44e}\
yuml\0\u{ff}zacute\0\u{17a}zcaron\0\u{17e}zcy\0\u{437}zdot\0\u{17c}zeetrf\0\u{2128}\
zeta\0\u{3b6}zfr\0\u{1d537}zhcy\0\u{436}zigrarr\0\u{21dd}zopf\0\u{1d56b}zscr\0\u{1d4cf}\
zwj\0\u{200d}zwnj\0\u{200c}";

pub(super) static INDEX: [u16; 2126] = [
    0, 8, 13, 22, 31, 39, 45, 53, 62, 70, 78, 85, 93, 102, 119, 127,
    136, 146, 155, 162, 175, 183, 193, 199, 210, 224, 231, 239, 248, 256, 264, 274,
    281, 288, 297, 304, 328, 339, 348, 357, 365, 376, 383, 393, 405, 412, 418, 431,
    446, 460, 475, 503, 528, 547, 556, 566, 579, 589, 608, 616, 629, 664, 673, 682,
    689, 699, 705, 717, 724, 731, 738, 748, 756, 765, 774, 780, 787, 795, 803, 822,
    839, 864, 882, 901, 912, 929, 938, 944, 954, 966, 991, 1003, 1022, 1041, 1065, 1082,
    1105, 1133, 1157, 1177, 1195, 1212, 1233, 1254, 1267, 1283, 1303, 1315, 1338, 1359, 1377, 1398,
    1420, 1439, 1461, 1472, 1488, 1501, 1510, 1519, 1525, 1531, 1540, 1549, 1557, 1563, 1570, 1578,
    1587, 1598, 1606, 1626, 1650, 1658, 1667, 1677, 1686, 1700, 1715, 1723, 1731, 1737, 1744, 1754,
    1770, 1776, 1784, 1805, 1830, 1839, 1849, 1863, 1871, 1878, 1882, 1890, 1899, 1908, 1917, 1925,
    1931, 1938, 1946, 1952, 1961, 1977, 1997, 2017, 2035, 2050, 2071, 2087, 2096, 2102, 2111, 2119,
    2124, 2132, 2139, 2155, 2163, 2181, 2189, 2198, 2214, 2227, 2234, 2242, 2249, 2258, 2266, 2272,
    2279, 2286, 2295, 2301, 2309, 2323, 2334, 2341, 2353, 2369, 2387, 2405, 2413, 2422, 2429, 2437,
    2446, 2454, 2461, 2469, 2475, 2483, 2492, 2501, 2510, 2518, 2525, 2532, 2540, 2549, 2555, 2563,
    2572, 2581, 2588, 2592, 2601, 2610, 2618, 2632, 2640, 2649, 2658, 2664, 2684, 2697, 2713, 2736,
    2751, 2772, 2793, 2811, 2832, 2845, 2863, 2882, 2893, 2909, 2926, 2942, 2961, 2982, 3002, 3021,
    3037, 3056, 3070, 3087, 3100, 3118, 3138, 3155, 3170, 3182, 3200, 3213, 3221, 3227, 3241, 3250,
    3267, 3289, 3307, 3324, 3346, 3364, 3373, 3391, 3410, 3418, 3425, 3434, 3440, 3447, 3453, 3468,
    3481, 3489, 3502, 3511, 3519, 3524, 3531, 3540, 3549, 3558, 3564, 3587, 3609, 3630, 3655, 3679,
    3697, 3706, 3714, 3725, 3744, 3752, 3759, 3775, 3788, 3812, 3826, 3838, 3857, 3870, 3884, 3903,
    3928, 3951, 3969, 3995, 4014, 4035, 4053, 4072, 4096, 4120, 4131, 4147, 4165, 4182, 4205, 4221,
    4250, 4273, 4288, 4310, 4335, 4356, 4376, 4401, 4426, 4447, 4471, 4494, 4520, 4536, 4554, 4569,
    4591, 4616, 4638, 4656, 4676, 4688, 4705, 4726, 4743, 4761, 4770, 4779, 4784, 4792, 4801, 4809,
    4815, 4824, 4832, 4841, 4849, 4857, 4867, 4876, 4900, 4918, 4924, 4933, 4942, 4951, 4961, 4968,
    4979, 4992, 5007, 5026, 5038, 5044, 5052, 5058, 5063, 5075, 5092, 5100, 5106, 5118, 5135, 5157,
    5174, 5183, 5194, 5208, 5224, 5233, 5239, 5245, 5253, 5261, 5270, 5279, 5285, 5294, 5302, 5310,
    5320, 5329, 5338, 5344, 5350, 5368, 5390, 5414, 5421, 5427, 5448, 5462, 5479, 5502, 5518, 5540,
    5562, 5581, 5603, 5617, 5629, 5646, 5664, 5681, 5701, 5723, 5744, 5764, 5781, 5801, 5816, 5834,
    5848, 5856, 5872, 5887, 5895, 5902, 5917, 5926, 5933, 5942, 5951, 5957, 5966, 5975, 5983, 5989,
    5997, 6015, 6033, 6052, 6068, 6076, 6091, 6100, 6108, 6118, 6140, 6156, 6177, 6195, 6218, 6233,
    6242, 6250, 6257, 6267, 6282, 6294, 6311, 6333, 6350, 6362, 6369, 6376, 6388, 6405, 6415, 6423,
    6432, 6440, 6447, 6452, 6458, 6467, 6476, 6482, 6490, 6503, 6511, 6528, 6541, 6550, 6564, 6582,
    6596, 6605, 6618, 6627, 6636, 6645, 6653, 6665, 6673, 6682, 6690, 6696, 6705, 6713, 6722, 6730,
    6740, 6754, 6770, 6790, 6799, 6812, 6820, 6829, 6840, 6854, 6874, 6889, 6906, 6915, 6929, 6940,
    6955, 6973, 6992, 6999, 7009, 7017, 7026, 7035, 7042, 7051, 7059, 7065, 7074, 7084, 7091, 7101,
    7109, 7124, 7138, 7159, 7176, 7193, 7201, 7210, 7219, 7229, 7237, 7246, 7254, 7263, 7272, 7280,
    7285, 7294, 7303, 7310, 7317, 7324, 7333, 7341, 7347, 7355, 7364, 7373, 7380, 7387, 7396, 7405,
    7411, 7418, 7436, 7443, 7450, 7458, 7467, 7476, 7485, 7491, 7500, 7507, 7515, 7523, 7529, 7537,
    7543, 7551, 7560, 7571, 7580, 7588, 7596, 7605, 7610, 7617, 7627, 7635, 7647, 7655, 7662, 7670,
    7679, 7689, 7701, 7713, 7725, 7737, 7749, 7761, 7773, 7785, 7794, 7805, 7817, 7827, 7835, 7846,
    7854, 7863, 7869, 7876, 7886, 7893, 7901, 7907, 7917, 7929, 7937, 7946, 7951, 7960, 7971, 7980,
    7987, 7999, 8008, 8016, 8028, 8042, 8055, 8066, 8079, 8089, 8099, 8111, 8119, 8131, 8140, 8146,
    8155, 8165, 8176, 8187, 8195, 8205, 8212, 8220, 8231, 8239, 8249, 8260, 8270, 8281, 8293, 8306,
    8318, 8329, 8348, 8365, 8377, 8387, 8399, 8409, 8425, 8440, 8457, 8478, 8499, 8521, 8530, 8539,
    8548, 8557, 8566, 8574, 8588, 8596, 8605, 8612, 8622, 8632, 8641, 8650, 8659, 8668, 8676, 8685,
    8694, 8703, 8712, 8721, 8730, 8739, 8748, 8756, 8765, 8774, 8783, 8792, 8801, 8810, 8820, 8829,
    8838, 8847, 8856, 8864, 8873, 8882, 8891, 8900, 8912, 8923, 8935, 8944, 8953, 8962, 8971, 8979,
    8988, 8997, 9006, 9015, 9024, 9033, 9043, 9051, 9060, 9069, 9078, 9086, 9095, 9101, 9110, 9122,
    9130, 9140, 9148, 9157, 9166, 9176, 9185, 9192, 9202, 9214, 9224, 9234, 9244, 9255, 9264, 9272,
    9281, 9290, 9299, 9307, 9316, 9327, 9334, 9342, 9353, 9360, 9372, 9380, 9387, 9396, 9409, 9415,
    9422, 9430, 9437, 9447, 9466, 9486, 9497, 9509, 9523, 9538, 9553, 9561, 9573, 9583, 9594, 9603,
    9615, 9622, 9632, 9643, 9650, 9658, 9666, 9676, 9690, 9703, 9711, 9722, 9732, 9741, 9751, 9758,
    9768, 9777, 9786, 9795, 9803, 9812, 9820, 9829, 9838, 9849, 9860, 9869, 9878, 9888, 9899, 9906,
    9918, 9928, 9938, 9948, 9957, 9968, 9978, 9989, 10004, 10019, 10031, 10045, 10054, 10072, 10091, 10100,
    10109, 10121, 10130, 10140, 10148, 10156, 10166, 10176, 10184, 10192, 10201, 10212, 10220, 10229, 10235, 10241,
    10252, 10261, 10272, 10278, 10286, 10297, 10307, 10315, 10324, 10333, 10341, 10352, 10367, 10376, 10382, 10392,
    10401, 10407, 10416, 10433, 10443, 10450, 10460, 10470, 10478, 10487, 10493, 10502, 10514, 10526, 10537, 10550,
    10568, 10581, 10599, 10618, 10638, 10650, 10660, 10670, 10679, 10686, 10694, 10703, 10712, 10720, 10729, 10738,
    10747, 10758, 10765, 10777, 10786, 10794, 10803, 10813, 10822, 10830, 10838, 10848, 10854, 10861, 10867, 10876,
    10884, 10890, 10899, 10906, 10916, 10922, 10934, 10941, 10948, 10958, 10966, 10975, 10987, 10997, 11005, 11015,
    11025, 11031, 11039, 11047, 11056, 11064, 11074, 11083, 11090, 11100, 11108, 11118, 11129, 11138, 11152, 11167,
    11175, 11185, 11194, 11205, 11217, 11226, 11235, 11243, 11252, 11260, 11266, 11272, 11279, 11287, 11293, 11302,
    11317, 11333, 11350, 11356, 11366, 11376, 11385, 11395, 11403, 11412, 11420, 11428, 11437, 11446, 11453, 11462,
    11472, 11480, 11489, 11501, 11510, 11520, 11529, 11539, 11549, 11559, 11569, 11579, 11588, 11598, 11608, 11618,
    11628, 11638, 11648, 11657, 11666, 11675, 11681, 11688, 11697, 11705, 11714, 11721, 11730, 11738, 11744, 11751,
    11757, 11764, 11771, 11779, 11791, 11798, 11807, 11817, 11828, 11840, 11851, 11861, 11869, 11875, 11882, 11891,
    11898, 11904, 11911, 11918, 11925, 11932, 11940, 11952, 11959, 11967, 11976, 11985, 11994, 12001, 12009, 12017,
    12026, 12035, 12039, 12047, 12056, 12065, 12075, 12086, 12099, 12109, 12119, 12132, 12146, 12157, 12167, 12183,
    12194, 12202, 12212, 12219, 12229, 12238, 12246, 12257, 12266, 12274, 12282, 12292, 12305, 12315, 12325, 12333,
    12345, 12357, 12366, 12376, 12393, 12411, 12420, 12430, 12439, 12449, 12458, 12468, 12478, 12487, 12493, 12501,
    12507, 12514, 12522, 12529, 12537, 12546, 12552, 12562, 12571, 12581, 12590, 12598, 12606, 12615, 12627, 12639,
    12647, 12655, 12663, 12669, 12679, 12688, 12700, 12709, 12716, 12726, 12738, 12750, 12762, 12773, 12780, 12788,
    12797, 12804, 12813, 12822, 12831, 12839, 12848, 12859, 12868, 12878, 12887, 12893, 12902, 12910, 12917, 12925,
    12931, 12939, 12947, 12956, 12965, 12974, 12982, 12990, 12999, 13008, 13014, 13022, 13031, 13038, 13045, 13054,
    13063, 13072, 13080, 13090, 13099, 13105, 13112, 13120, 13129, 13141, 13151, 13160, 13168, 13177, 13187, 13194,
    13202, 13210, 13219, 13230, 13240, 13250, 13260, 13270, 13281, 13291, 13298, 13308, 13316, 13328, 13337, 13346,
    13354, 13362, 13371, 13382, 13393, 13402, 13411, 13420, 13426, 13432, 13440, 13449, 13459, 13470, 13482, 13490,
    13496, 13509, 13526, 13545, 13562, 13580, 13598, 13617, 13638, 13661, 13679, 13686, 13693, 13701, 13713, 13720,
    13729, 13739, 13750, 13762, 13773, 13783, 13797, 13808, 13821, 13835, 13846, 13857, 13867, 13877, 13885, 13891,
    13898, 13907, 13916, 13926, 13935, 13942, 13948, 13957, 13969, 13979, 13988, 13997, 14007, 14021, 14028, 14036,
    14048, 14055, 14063, 14072, 14081, 14090, 14099, 14108, 14125, 14147, 14161, 14179, 14196, 14214, 14223, 14232,
    14242, 14253, 14263, 14271, 14278, 14289, 14297, 14303, 14313, 14322, 14334, 14343, 14353, 14360, 14369, 14379,
    14388, 14395, 14403, 14412, 14421, 14427, 14436, 14446, 14455, 14459, 14467, 14476, 14485, 14495, 14505, 14515,
    14526, 14536, 14544, 14553, 14562, 14574, 14585, 14601, 14612, 14621, 14628, 14636, 14644, 14655, 14662, 14672,
    14686, 14700, 14712, 14722, 14732, 14738, 14747, 14764, 14772, 14779, 14787, 14794, 14802, 14812, 14821, 14830,
    14840, 14850, 14861, 14869, 14877, 14887, 14897, 14906, 14912, 14921, 14931, 14936, 14948, 14957, 14966, 14976,
    14986, 15000, 15019, 15028, 15038, 15048, 15063, 15073, 15083, 15092, 15101, 15112, 15119, 15129, 15140, 15148,
    15159, 15168, 15179, 15191, 15198, 15209, 15221, 15229, 15238, 15247, 15256, 15270, 15278, 15284, 15293, 15299,
    15308, 15318, 15327, 15338, 15349, 15359, 15369, 15380, 15390, 15401, 15409, 15418, 15425, 15433, 15444, 15459,
    15469, 15478, 15485, 15493, 15502, 15511, 15520, 15526, 15533, 15541, 15548, 15555, 15564, 15573, 15582, 15590,
    15597, 15611, 15630, 15638, 15649, 15664, 15674, 15683, 15692, 15699, 15708, 15718, 15726, 15735, 15741, 15750,
    15762, 15776, 15787, 15798, 15809, 15818, 15829, 15840, 15851, 15859, 15872, 15885, 15896, 15907, 15914, 15924,
    15934, 15943, 15956, 15965, 15974, 15986, 15998, 16013, 16022, 16032, 16039, 16049, 16059, 16068, 16081, 16099,
    16107, 16116, 16126, 16135, 16144, 16155, 16166, 16174, 16185, 16194, 16208, 16221, 16237, 16246, 16259, 16267,
    16278, 16287, 16301, 16314, 16330, 16338, 16347, 16355, 16372, 16391, 16409, 16429, 16434, 16439, 16449, 16458,
    16468, 16478, 16489, 16499, 16510, 16519, 16530, 16540, 16551, 16560, 16574, 16584, 16598, 16610, 16619, 16629,
    16638, 16649, 16659, 16665, 16674, 16682, 16690, 16698, 16704, 16713, 16722, 16730, 16738, 16748, 16756, 16765,
    16773, 16780, 16789, 16796, 16805, 16811, 16819, 16828, 16837, 16848, 16857, 16864, 16872, 16880, 16890, 16898,
    16908, 16917, 16925, 16934, 16943, 16949, 16958, 16965, 16974, 16985, 16992, 16999, 17009, 17017, 17028, 17035,
    17043, 17052, 17060, 17069, 17079, 17091, 17098, 17107, 17114, 17121, 17133, 17143, 17152, 17160, 17166, 17174,
    17182, 17192, 17200, 17211, 17219, 17225, 17232, 17242, 17251, 17256, 17269, 17275, 17285, 17296, 17306, 17312,
    17324, 17333, 17344, 17354, 17364, 17373, 17382, 17393, 17404, 17409, 17421, 17430, 17438, 17444, 17451, 17459,
    17468, 17475, 17483, 17497, 17512, 17522, 17537, 17549, 17561, 17572, 17581, 17591, 17599, 17608, 17618, 17626,
    17638, 17650, 17662, 17670, 17680, 17689, 17699, 17708, 17714, 17724, 17732, 17740, 17749, 17759, 17768, 17783,
    17794, 17801, 17812, 17818, 17827, 17835, 17845, 17854, 17862, 17872, 17881, 17890, 17902, 17910, 17919, 17928,
    17938, 17946, 17954, 17964, 17973, 17984, 17993, 18003, 18013, 18023, 18033, 18044, 18054, 18063, 18073, 18082,
    18095, 18104, 18113, 18121, 18129, 18138, 18149, 18160, 18169, 18178, 18187, 18193, 18199, 18207, 18218, 18227,
    18237, 18245, 18253, 18264, 18276, 18285, 18293, 18299, 18309, 18319, 18327, 18336, 18345, 18355, 18361, 18368,
    18382, 18400, 18420, 18438, 18457, 18478, 18498, 18517, 18536, 18543, 18559, 18568, 18577, 18584, 18594, 18608,
    18617, 18626, 18635, 18644, 18653, 18662, 18672, 18683, 18689, 18699, 18711, 18720, 18730, 18739, 18746, 18752,
    18761, 18771, 18781, 18791, 18799, 18808, 18817, 18829, 18840, 18846, 18855, 18864, 18870, 18877, 18885, 18894,
    18903, 18910, 18919, 18927, 18935, 18944, 18954, 18966, 18975, 18981, 18989, 18998, 19007, 19016, 19026, 19035,
    19046, 19053, 19059, 19069, 19081, 19090, 19098, 19106, 19116, 19125, 19134, 19141, 19153, 19170, 19176, 19184,
    19193, 19202, 19209, 19219, 19227, 19236, 19244, 19253, 19261, 19270, 19279, 19290, 19301, 19310, 19327, 19337,
    19349, 19357, 19366, 19373, 19381, 19393, 19402, 19407, 19415, 19425, 19434, 19444, 19457, 19465, 19474, 19487,
    19496, 19509, 19518, 19528, 19540, 19554, 19563, 19573, 19585, 19599, 19606, 19616, 19626, 19634, 19643, 19652,
    19662, 19672, 19682, 19690, 19699, 19717, 19731, 19739, 19746, 19754, 19764, 19772, 19783, 19794, 19803, 19812,
    19823, 19834, 19844, 19856, 19869, 19882, 19896, 19906, 19916, 19926, 19934, 19948, 19963, 19973, 19988, 20000,
    20012, 20023, 20030, 20038, 20045, 20052, 20059, 20066, 20074, 20084, 20095, 20103, 20114, 20125, 20136, 20147,
    20158, 20167, 20176, 20187, 20197, 20209, 20222, 20235, 20249, 20259, 20269, 20279, 20288, 20298, 20307, 20318,
    20328, 20336, 20346, 20352, 20360, 20369, 20378, 20384, 20392, 20402, 20410, 20420, 20433, 20441, 20452, 20461,
    20476, 20488, 20498, 20507, 20517, 20525, 20533, 20541, 20551, 20563, 20573, 20581, 20589, 20596, 20606, 20616,
    20625, 20636, 20644, 20654, 20663, 20675, 20691, 20707, 20725, 20738, 20755, 20774, 20784, 20792, 20804, 20815,
    20824, 20835, 20847, 20856, 20863, 20871, 20880, 20889, 20909, 20930, 20938, 20946, 20955, 20963, 20971, 20980,
    20988, 20994, 21003, 21012, 21021, 21031, 21039, 21048, 21057, 21066, 21075, 21085, 21097, 21107, 21116, 21124,
    21130, 21138, 21147, 21158, 21173, 21190, 21208, 21217, 21224, 21232, 21242, 21256, 21266, 21278, 21288, 21296,
    21305, 21314, 21323, 21332, 21340, 21349, 21358, 21365, 21376, 21384, 21392, 21401, 21410, 21420, 21433, 21444,
    21458, 21467, 21475, 21488, 21496, 21505, 21516, 21535, 21555, 21574, 21594, 21605, 21624, 21644, 21650, 21659,
    21666, 21676, 21685, 21695, 21703, 21709, 21717, 21726, 21738, 21750, 21759, 21768, 21777, 21786, 21799, 21812,
    21825, 21838, 21849, 21857, 21867, 21876, 21886, 21896, 21904, 21913, 21919, 21925, 21935, 21944, 21952, 21961,
    21969, 21978, 21986, 21995, 22004, 22009, 22018, 22027, 22035, 22043, 22052, 22061, 22071, 22081, 22090, 22099,
    22108, 22118, 22128, 22137, 22145, 22155, 22164, 22171, 22179, 22185, 22191, 22199, 22206, 22215, 22224, 22231,
    22238, 22247, 22256, 22262, 22269, 22279, 22286, 22294, 22301, 22312, 22321, 22330, 22337, 22345,
];

pub(super) static LEGACY: &[&str] = &[
    "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml",
    "COPY", "Ccedil", "ETH", "Eacute", "Ecirc", "Egrave", "Euml", "GT",
    "Iacute", "Icirc", "Igrave", "Iuml", "LT", "Ntilde", "Oacute", "Ocirc",
    "Ograve", "Oslash", "Otilde", "Ouml", "QUOT", "REG", "THORN", "Uacute",
    "Ucirc", "Ugrave", "Uuml", "Yacute", "aacute", "acirc", "acute", "aelig",
    "agrave", "amp", "aring", "atilde", "auml", "brvbar", "ccedil", "cedil",
    "cent", "copy", "curren", "deg", "divide", "eacute", "ecirc", "egrave",
    "eth", "euml", "frac12", "frac14", "frac34", "gt", "iacute", "icirc",
    "iexcl", "igrave", "iquest", "iuml", "laquo", "lt", "macr", "micro",
    "middot", "nbsp", "not", "ntilde", "oacute", "ocirc", "ograve", "ordf",
    "ordm", "oslash", "otilde", "ouml", "para", "plusmn", "pound", "quot",
    "raquo", "reg", "sect", "shy", "sup1", "sup2", "sup3", "szlig",
    "thorn", "times", "uacute", "ucirc", "ugrave", "uml", "uuml", "yacute",
    "yen", "yuml",
];

/// The value of the named reference `name` (without `;`).
pub(super) fn lookup(name: &str) -> Option<&'static str> {
    let n = INDEX.len() - 1;
    let entry = |i: usize| -> Option<(&'static str, &'static str)> {
        let e = BLOB.get(INDEX[i] as usize..INDEX[i + 1] as usize)?;
        e.split_once('\0')
    };
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let (k, v) = entry(mid)?;
        match k.cmp(name) {
            std::cmp::Ordering::Equal => return Some(v),
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
        }
    }
    None
}
